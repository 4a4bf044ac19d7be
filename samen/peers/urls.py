from django.urls import path

from samen.peers import views

app_name = "peers"
urlpatterns = [
    path("", views.compare, name="compare"),
    path("manage/", views.peer_list, name="list"),
    path("manage/new/", views.peer_new, name="new"),
    path("manage/<int:pk>/change/", views.peer_edit, name="change"),
    path("manage/<int:pk>/remove/", views.peer_delete, name="remove"),
]
