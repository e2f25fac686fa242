from core.routes import crud
from policies import views

app_name = "policies"
urlpatterns = crud("r/<str:code>/policies/", views, "policy", file=("document", "policy_file"))
