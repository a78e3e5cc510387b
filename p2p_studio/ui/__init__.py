"""Qt widgets of the desktop app. They import no torch: engine work goes through the worker."""
