"""Route modules, one per resource; ``api.app`` includes them all."""
