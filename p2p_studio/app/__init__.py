"""The desktop app's application layer: engine worker thread, jobs, session document, controller (Qt, no widgets)."""
