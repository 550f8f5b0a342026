"""Word lists for claims: stopwords, light and auxiliary verbs, titles, and the nouns that decide a subject."""

from __future__ import annotations

from ..lexicon import FUNCTION_WORDS, normalize_all, word_set

# Function words and news filler: they carry no proposition content.
STOPWORDS = word_set(
    "في من على إلى الى عن مع أن إن ان بأن لأن كان كانت يكون تكون كانوا هذا هذه ذلك تلك هؤلاء هو هي هم هما "
    "نحن أنا التي الذي الذين اللذين اللتين ما ماذا لماذا كيف متى أين حول بين ضد عند عبر خلال منذ حتى أو ثم "
    "بل لكن قد لقد كل بعض أي غير سوى أيضا اليوم أمس حيث إذا لو كما وفق وفقا حسب بحسب نحو تجاه له لها لهم "
    "به بها بهم فيه فيها منه منها عليه عليها إليه إليها عنه عنها يا بعد قبل أمام فوق تحت لدى لا لم لن ليس "
    "هل إلا الا إذ بينما فيما وذلك ذلك هناك هنا أنه أنها إنه إنها بأنه فإن وقد فقد تم يتم جرى عدة عدد "
    "الماضي الماضية المقبل المقبلة الجاري الحالي آخر أخرى الآخر خاصة خصوصا سواء مدى إطار ضوء سياق "
    "الجدير بالذكر يذكر مفاده مفادها المتداولة المتداول الأخبار الأنباء الصحفية الإعلامية المعلومات "
    "المتوفرة الواردة خبر أخبار أنباء معلومات تقارير تقرير الآن حاليا بالتزامن تزامن وصولا إيذانا "
    "الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد يوم ذاته نفسه"
)

STOPWORDS |= normalize_all(FUNCTION_WORDS)


# Verbs of time or aspect that open a clause without being its content ("سبق ووقعت", "جاء في").
AUX_VERBS = word_set(
    "سبق سبقت عاد عادت بات باتت ظل ظلت أصبح أصبحت جاء جاءت ورد وردت كان كانت بدأ بدأت زال زالت يزال تزال"
)


# Light verbs whose content is in their object ("قام بزيارة" = "زار").
LIGHT_VERBS = word_set("قام قامت قاموا يقوم تقوم قيام تم يتم جرى أجرى أجرت شهد شهدت")


# Titles and ranks: a subject that starts with one is a person, named further on.
TITLES = word_set(
    "رئيس الرئيس وزير الوزير نائب قائد القائد اللواء لواء المشير مشير العقيد العميد الجنرال الفريق "
    "الشيخ الأمير الملك السفير المتحدث الناطق مدير المدير الأمين العام المتقاعد الدكتور السيد السيدة "
    "زعيم الزعيم رئيسة وزيرة المبعوث الممثل محافظ المحافظ متقاعد مشير عقيد عميد جنرال فريق أمين عام شيخ "
    "أمير ملك سفير متحدث ناطق دكتور سيد سيدة مبعوث ممثل"
)


# Event nouns: a clause whose subject is an event ("الاجتماعات تضمنت", "زيارة ... مهدت") says nothing of its
# actor, so its head sets no constraint; actor heads ("وفد", "الحكومة", a name) do.
EVENT_NOUNS = word_set(
    "زيارة زيارات لقاء لقاءات اجتماع اجتماعات محادثات مباحثات مفاوضات بحث إرسال نقل تسليم افتتاح إعادة "
    "فتح إغلاق هجوم هجمات قصف عملية عمليات اتفاق اتفاقية توقيع إعلان قرار تنسيق مواجهة دعم انسحاب وصول "
    "عودة خطوة برنامج مشروع تحرك تحركات جولة مؤتمر قمة حوار صفقة"
)


# A state acts through its government, regime, authorities or capital: outlets name any of them for one act,
# so these subjects set no head constraint (nor do place names, from the lexicon).
STATE_NOUNS = word_set("حكومة الحكومة نظام النظام سلطات السلطات دولة الدولة إدارة الإدارة قيادة القيادة")


# Collective actors: "a delegation visited" is not "the minister visited", whoever sent the delegation.
GROUP_NOUNS = word_set(
    "وفد وفدا الوفد مسؤولون مسؤولين المسؤولون المسؤولين ممثلون ممثلين ممثلو ممثلي أعضاء بعثة البعثة لجنة "
    "اللجنة فريق الفريق فرق نواب خبراء مبعوثون"
)


# Outlet nouns and report nouns frame a claim ("نشرت إحدى الصحف خبراً يتحدث عن ..."); they are not its content.
FRAME_NOUNS = word_set(
    "صحيفة صحف جريدة جرائد وكالة قناة مجلة إذاعة تلفزيون فضائية منصة خبرا خبراً تقريرا تقريراً مقالا "
    "مقالاً إحدى احدى موضوع مصدر مصادر متصل صلة"
)


LEADING_PREPOSITIONS = word_set("في على من عن مع إلى الى وفي وعلى ومن وعن ومع إذ اذ بينما فيما")
