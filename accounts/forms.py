from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("For example the system that will use it."),
    )


class ContactForm(forms.Form):
    """The user's own e-mail address and the language of the e-mails sent to them."""

    email = forms.EmailField(label=_("E-mail address"), required=False)
    language = forms.ChoiceField(
        label=_("Language of e-mails"), choices=settings.LANGUAGES, initial="id"
    )
