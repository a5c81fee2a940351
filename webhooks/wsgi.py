"""The WSGI entry point for gunicorn (`web` in the Procfile); migrations run in `release`."""
from . import create_app

app = create_app({"MIGRATE": False})
