"""Each live claim's standing, kept beside it so that pages rank and count claims in the database.

Derived from the claim's evidence, its outlets, the editors' corrections and the tracked claims
(selectors.story_ranking says how); services.claim_stats rewrites a claim's row wherever one of those changes.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .analysis import Claim
from .newsroom import Story


class ClaimStats(models.Model):
    claim = models.OneToOneField(
        Claim, on_delete=models.CASCADE, primary_key=True, related_name="stats", verbose_name=_("الادعاء")
    )
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="+", verbose_name=_("القصة"))
    outlets = models.PositiveIntegerField(_("المنافذ"), default=0)
    independent = models.PositiveIntegerField(_("المنافذ المستقلة"), default=0)
    contested = models.BooleanField(_("موضع خلاف"), default=False)
    lead = models.BooleanField(_("في عنوان أو مقدمة"), default=False)
    tracked = models.BooleanField(_("متابَع"), default=False)
    pinned = models.BooleanField(_("صححه محرر"), default=False)
    key = models.BooleanField(_("من الادعاءات الأهم"), default=False)
    # Outlets per overall stance of their own report.
    asserts = models.PositiveIntegerField(default=0)
    attributes = models.PositiveIntegerField(default=0)
    denies = models.PositiveIntegerField(default=0)
    doubts = models.PositiveIntegerField(default=0)
    mixed = models.PositiveIntegerField(default=0)
    # The per-stance count columns above, in the order readers see them.
    STANCE_COLUMNS = ("asserts", "attributes", "denies", "doubts", "mixed")
    relayed = models.BooleanField(default=False)
    # When the claim's first report was published (Claim.first_reported_in): the story page lists claims by it.
    first_reported_at = models.DateTimeField(null=True, blank=True)
    relays = models.JSONField(default=list, blank=True)  # [relaying outlet, credited outlet] pairs

    class Meta:
        verbose_name = _("مكانة الادعاء")
        verbose_name_plural = _("مكانة الادعاءات")
        indexes = [
            # The ranking's order (selectors.ranking.ClaimRank.order), so a page of rows is an index range.
            models.Index(
                fields=["story", "-key", "-independent", "-contested", "-lead", "-outlets", "claim"],
                name="claimstats_rank",
            ),
            models.Index(fields=["story", "relayed"], name="claimstats_relayed"),
            models.Index(fields=["story", "key", "first_reported_at", "claim"], name="claimstats_first"),
        ]

    def __str__(self) -> str:
        return f"stats of claim {self.claim_id}"


class ClaimOutlet(models.Model):
    """One outlet carrying one live claim (copies included), with the overall stance of its own report, if any."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="+", verbose_name=_("الادعاء"))
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="+", verbose_name=_("القصة"))
    source = models.ForeignKey(
        "stories.Source", on_delete=models.CASCADE, related_name="+", verbose_name=_("المنفذ")
    )
    stance = models.CharField(_("الموقف"), max_length=12, blank=True)  # blank: it only carries copies

    class Meta:
        verbose_name = _("منفذ يحمل ادعاءً")
        verbose_name_plural = _("منافذ تحمل ادعاءات")
        constraints = [models.UniqueConstraint(fields=["claim", "source"], name="claimoutlet_unique")]
        indexes = [models.Index(fields=["story", "source"], name="claimoutlet_story_source")]

    def __str__(self) -> str:
        return f"claim {self.claim_id} in outlet {self.source_id}"
