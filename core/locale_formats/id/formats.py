from django.conf.locale.id.formats import *  # noqa: F403

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = r"l, j F Y \p\u\k\u\l H.i T"
TIME_FORMAT = "H.i"
SHORT_DATETIME_FORMAT = r"j F Y, H.i"
