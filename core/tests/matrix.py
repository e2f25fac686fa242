from tests.matrix import Row, action, expect

ROWS = [
    # The home page: each person's open work (accounts.home); the anonymous go to log in.
    Row("home", "GET", "/", expect(200, anonymous=302)),
    Row("healthz", "GET", "/healthz", expect(200)),
    Row("readyz", "GET", "/readyz", expect(200)),
    Row("privacy", "GET", "/privacy/", expect(200)),
    Row("login", "GET", "/accounts/login/", expect(302, anonymous=200)),
    action("logout", "/accounts/logout/", shape=expect(302)),
    Row("password_reset", "GET", "/accounts/password-reset/", expect(200)),
    Row("password_reset_done", "GET", "/accounts/password-reset/sent/", expect(200)),
    # An invalid link shows the "link is invalid" page, for everyone.
    Row("password_reset_confirm", "GET", "/accounts/reset/MQ/bad-token/", expect(200)),
    Row("password_reset_complete", "GET", "/accounts/reset/done/", expect(200)),
    Row("password_change", "GET", "/accounts/password/", expect(200, anonymous=302)),
    Row("password_change_done", "GET", "/accounts/password/done/", expect(200, anonymous=302)),
]
