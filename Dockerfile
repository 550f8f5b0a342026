# One image for web and worker (docker-compose.yml). torch is pinned and installed first, as in the Makefile.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    CAMELTOOLS_DATA=/data/camel_tools

WORKDIR /app
RUN pip install torch==2.13.0
COPY pyproject.toml README.md ./
COPY newsdesk ./newsdesk
COPY stories ./stories
RUN pip install .
COPY . .
RUN DJANGO_DEBUG=0 DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput \
    && useradd --create-home --uid 1000 newsdesk && mkdir -p /data/camel_tools && chown newsdesk /data/camel_tools
USER newsdesk
EXPOSE 8000
CMD ["gunicorn", "newsdesk.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
