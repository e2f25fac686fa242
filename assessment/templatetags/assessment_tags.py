from django import template

from assessment.engine import state_label as _state_label

register = template.Library()


@register.filter
def state_label(state):
    return _state_label(state)
