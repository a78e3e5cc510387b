"""The contact sheet of a parameter sweep: one labelled cell per result, laid out as the grid."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from p2p_studio.app.controller import SweepSheet
from p2p_studio.app.session import HistoryItem
from p2p_studio.ui.images import to_qimage


class SweepSheetView(QWidget):
    """Shows a :class:`SweepSheet`; clicking a cell emits its history item."""

    cell_chosen = Signal(object)  # HistoryItem
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheet: SweepSheet | None = None
        self.buttons: list[QToolButton] = []
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.title = QLabel()
        self.title.setWordWrap(True)
        back = QPushButton(self.tr("Back to the photo (G)"))
        back.clicked.connect(self.closed.emit)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(back)
        self._cells = QWidget()
        self._grid = QGridLayout(self._cells)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidget(self._cells)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    def show_sheet(self, sheet: SweepSheet) -> None:
        for button in self.buttons:
            self._group.removeButton(button)
            button.deleteLater()
        self.buttons = []
        self.sheet = sheet
        axes = sheet.grid.axes
        layout = (self.tr("{across} across, {down} down").format(
            across=axes[0].key, down=self.tr(" and ").join(a.key for a in axes[1:])) if len(axes) > 1
            else self.tr("{across} across").format(across=axes[0].key))
        self.title.setText(self.tr("<b>Sweep</b> {grid} — {cells} cells, {layout}. Click a cell to show it and restore "
                                   "its parameters.").format(grid=sheet.grid.text(), cells=len(sheet.cells),
                                                             layout=layout))
        for cell, item, thumb in zip(sheet.cells, sheet.items, sheet.thumbnails, strict=True):
            button = QToolButton()
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setIcon(QPixmap.fromImage(to_qimage(thumb)))
            button.setIconSize(QSize(thumb.width, thumb.height))
            button.setText(cell.label)
            button.setToolTip(f"{item.edit}\n{cell.label}")
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _=False, chosen=item: self.cell_chosen.emit(chosen))
            self._group.addButton(button)
            self._grid.addWidget(button, cell.row, cell.column)
            self.buttons.append(button)

    def mark(self, item: HistoryItem | None) -> None:
        """Check the cell of *item* (none if it is not on the sheet)."""
        if self.sheet is None:
            return
        ids = [i.id for i in self.sheet.items]
        self._group.setExclusive(False)
        for button, item_id in zip(self.buttons, ids, strict=True):
            button.setChecked(item is not None and item.id == item_id)
        self._group.setExclusive(True)
