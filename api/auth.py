from django.utils import timezone
from ninja.security import HttpBearer

from accounts.models import ApiToken
from audit.context import set_actor


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>`; tokens are issued by `POST /api/v1/auth/token`."""

    def authenticate(self, request, token):
        api_token = ApiToken.find(token)
        if api_token is None:
            return None
        now = timezone.now()
        if api_token.last_used_at is None or (now - api_token.last_used_at).total_seconds() > 300:
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        request.user = api_token.user
        request.api_token = api_token
        set_actor(api_token.user)  # reset by AuditActorMiddleware at the end of the request
        return api_token.user
