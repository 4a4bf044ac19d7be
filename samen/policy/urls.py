from django.urls import include, path

from samen.policy import action_views, initiative_views, views

app_name = "policy"
urlpatterns = [
    path("", views.index, name="index"),
    path("strategies/new/", views.strategy_new, name="strategy_new"),
    path("strategies/<int:pk>/", views.strategy_detail, name="strategy"),
    path("strategies/<int:pk>/edit/", views.strategy_edit, name="strategy_edit"),
    path("strategies/<int:pk>/objectives/new/", views.objective_new, name="objective_new"),
    path("strategies/<int:pk>/plans/new/", views.plan_new, name="plan_new"),
    path("objectives/<int:pk>/edit/", views.objective_edit, name="objective_edit"),
    path("plans/<int:pk>/", views.plan_detail, name="plan"),
    path("plans/<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/actions/new/", views.action_new, name="action_new"),
    path("actions/<int:pk>/", action_views.action_detail, name="action"),
    path("actions/<int:pk>/edit/", action_views.action_edit, name="action_edit"),
    path("actions/<int:pk>/progress/", action_views.action_progress, name="action_progress"),
    path("actions/<int:pk>/link/", action_views.action_link, name="action_link"),
    path("initiatives/", initiative_views.initiative_list, name="initiatives"),
    path("initiatives/new/", initiative_views.initiative_new, name="initiative_new"),
    path("initiatives/<int:pk>/", initiative_views.initiative_detail, name="initiative"),
    path("initiatives/<int:pk>/edit/", initiative_views.initiative_edit, name="initiative_edit"),
    path("initiatives/<int:pk>/outputs/new/", initiative_views.output_new, name="output_new"),
    path(
        "initiatives/<int:pk>/indicators/new/",
        initiative_views.outcome_indicator_new,
        name="outcome_indicator_new",
    ),
    path(
        "initiatives/<int:pk>/indicators/<int:indicator>/",
        initiative_views.outcome_indicator_edit,
        name="outcome_indicator_edit",
    ),
    path(
        "initiatives/<int:pk>/evaluations/new/",
        initiative_views.evaluation_new,
        name="evaluation_new",
    ),
    path("initiatives/<int:pk>/updates/new/", initiative_views.update_new, name="update_new"),
    path("", include("samen.policy.report_urls")),
]
urlpatterns += [path("", include("samen.policy.match_urls"))]
