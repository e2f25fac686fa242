from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Synthetic national data and the benchmark (`make bench`); no models, no pages."""

    name = "bench"
    verbose_name = "Benchmarks"
