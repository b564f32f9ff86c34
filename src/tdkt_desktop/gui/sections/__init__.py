"""The main window's sections; each module registers itself with ``gui.registry.register_section``."""
