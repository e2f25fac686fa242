from django.conf.locale.en.formats import *  # noqa: F403

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = r"l, j F Y \a\t H:i T"
TIME_FORMAT = "H:i"
SHORT_DATETIME_FORMAT = "j F Y, H:i"
