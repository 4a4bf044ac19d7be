from django.urls import path

from samen.communities import network_views, plan_views, relationship_views, views

app_name = "communities"
urlpatterns = [
    path("", views.community_list, name="list"),
    path("new/", views.community_new, name="new"),
    path("<int:pk>/", views.community_detail, name="detail"),
    path("<int:pk>/edit/", views.community_edit, name="edit"),
    path("<int:pk>/key-figures/", views.key_figure_add, name="key_figure_add"),
    path(
        "<int:pk>/key-figures/<int:figure>/remove/",
        views.key_figure_remove,
        name="key_figure_remove",
    ),
    path("network/", network_views.network_page, name="network"),
    path("relationships/new/", relationship_views.relationship_new, name="relationship_new"),
    path("relationships/<int:pk>/", relationship_views.relationship_detail, name="relationship"),
    path(
        "relationships/<int:pk>/state/",
        relationship_views.relationship_change_state,
        name="relationship_change_state",
    ),
    path("contacts/new/", relationship_views.contact_new, name="contact_new"),
    path("restore-plans/", plan_views.restore_plan_list, name="restore_plans"),
    path("restore-plans/new/", plan_views.restore_plan_new, name="restore_plan_new"),
    path("restore-plans/<int:pk>/", plan_views.restore_plan_detail, name="restore_plan"),
    path(
        "restore-plans/<int:pk>/actions/",
        plan_views.restore_action_add,
        name="restore_action_add",
    ),
    path(
        "restore-plans/<int:pk>/actions/<int:step>/done/",
        plan_views.restore_action_done,
        name="restore_action_done",
    ),
    path("restore-plans/<int:pk>/close/", plan_views.restore_plan_close, name="restore_plan_close"),
]
