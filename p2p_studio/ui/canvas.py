"""The photo canvas: zoom and pan, before/after split slider, mask and heat-map overlays, mask brush."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from p2p_studio.ui.images import alpha_overlay, heat_overlay


class Canvas(QWidget):
    """Shows the photo and the selected result. Modes: split (drag the line), before, after."""

    mask_painted = Signal(object)  # np.ndarray float [0, 1] at photo resolution

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)
        self.setMouseTracking(True)
        self.setAcceptDrops(False)  # the window handles drops
        self.before: QImage | None = None
        self.after: QImage | None = None
        self.overlay: QImage | None = None
        self.mode = "split"
        self.split = 0.5
        self.scale = 1.0
        self.offset = QPointF(0, 0)
        self.auto_fit = True
        self.paint_mode: str | None = None  # None, "add" or "erase"
        self.brush = 24.0
        self._mask: np.ndarray | None = None
        self._drag: str | None = None
        self._last = QPointF()
        self._cursor = QPointF(-1, -1)
        self.placeholder = self.tr("Drop a photo here, or File → Open (Ctrl+O), or paste (Ctrl+V)")

    # --- content ------------------------------------------------------------------------------
    def set_photo(self, image: QImage | None) -> None:
        self.before, self.after, self.overlay = image, None, None
        self.auto_fit = True
        self.fit()

    def set_result(self, image: QImage | None) -> None:
        self.after = image
        self.update()

    def set_mask(self, mask: np.ndarray | None, visible: bool) -> None:
        self._mask = None if mask is None else mask.astype(np.float32)
        self.overlay = alpha_overlay(self._mask, QColor(255, 60, 60, 120)) if visible and mask is not None else None
        self.update()

    def set_heat(self, heat: np.ndarray | None) -> None:
        if heat is None or self.before is None:
            self.overlay = None
        else:
            self.overlay = heat_overlay(heat, self.before.width(), self.before.height())
        self.update()

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.update()

    # --- view -----------------------------------------------------------------------------------
    def image_rect(self) -> QRectF:
        if self.before is None:
            return QRectF()
        return QRectF(self.offset.x(), self.offset.y(), self.before.width() * self.scale,
                      self.before.height() * self.scale)

    def fit(self) -> None:
        if self.before is None or self.width() <= 0:
            self.update()
            return
        margin = 16
        sx = (self.width() - margin) / self.before.width()
        sy = (self.height() - margin) / self.before.height()
        self._set_scale(max(0.01, min(sx, sy)), centre=True)
        self.auto_fit = True

    def actual_size(self) -> None:
        self._set_scale(1.0, centre=True)

    def zoom_by(self, factor: float, at: QPointF | None = None) -> None:
        at = at if at is not None else QPointF(self.width() / 2, self.height() / 2)
        old = self.scale
        new = min(max(old * factor, 0.02), 32.0)
        self.offset = at - (at - self.offset) * (new / old)
        self.scale = new
        self.auto_fit = False
        self.update()

    def _set_scale(self, scale: float, centre: bool) -> None:
        self.scale = scale
        if centre and self.before is not None:
            self.offset = QPointF((self.width() - self.before.width() * scale) / 2,
                                  (self.height() - self.before.height() * scale) / 2)
        self.auto_fit = False
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self.auto_fit:
            self.fit()
        super().resizeEvent(event)

    # --- painting -----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().window())
        if self.before is None:
            p.setPen(self.palette().placeholderText().color())
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.placeholder)
            return
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self.scale < 2)
        rect = self.image_rect()
        shown_after = self.after if self.mode != "before" else None
        p.drawImage(rect, self.before if self.mode != "after" or self.after is None else self.after)
        if shown_after is not None and self.mode == "split":
            cut = rect.left() + rect.width() * self.split
            p.save()
            p.setClipRect(QRectF(cut, rect.top(), rect.right() - cut, rect.height()))
            p.drawImage(rect, shown_after)
            p.restore()
            p.setPen(QPen(QColor(255, 255, 255, 220), 2))
            p.drawLine(QPointF(cut, rect.top()), QPointF(cut, rect.bottom()))
            p.setBrush(QColor(255, 255, 255, 220))
            p.drawEllipse(QPointF(cut, rect.center().y()), 7, 7)
        if self.overlay is not None:
            p.drawImage(rect, self.overlay)
        if self.paint_mode and self._cursor.x() >= 0:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(QColor(255, 255, 255), 1, Qt.PenStyle.DashLine))
            p.drawEllipse(self._cursor, self.brush * self.scale, self.brush * self.scale)

    # --- mouse ----------------------------------------------------------------------------------
    def _to_image(self, pos: QPointF) -> QPointF:
        return (pos - self.offset) / self.scale

    def _near_split(self, pos: QPointF) -> bool:
        rect = self.image_rect()
        return self.after is not None and self.mode == "split" and abs(
            pos.x() - (rect.left() + rect.width() * self.split)) < 8

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self.before is None:
            return
        if event.button() == Qt.MouseButton.LeftButton and self.paint_mode:
            self._drag = "paint"
            if self._mask is None:
                self._mask = np.zeros((self.before.height(), self.before.width()), np.float32)
            self._dab(pos)
        elif event.button() == Qt.MouseButton.LeftButton and self._near_split(pos):
            self._drag = "split"
        else:
            self._drag = "pan"
        self._last = pos

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        self._cursor = pos
        if self._drag == "paint":
            self._dab(pos)
        elif self._drag == "split":
            rect = self.image_rect()
            self.split = min(max((pos.x() - rect.left()) / max(rect.width(), 1), 0.0), 1.0)
        elif self._drag == "pan":
            self.offset += pos - self._last
            self.auto_fit = False
        self.setCursor(Qt.CursorShape.SplitHCursor if self._near_split(pos) and not self.paint_mode
                       else Qt.CursorShape.CrossCursor if self.paint_mode else Qt.CursorShape.ArrowCursor)
        self._last = pos
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag == "paint" and self._mask is not None:
            self.mask_painted.emit(self._mask.copy())
        self._drag = None

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(1.15**steps, event.position())

    def _dab(self, pos: QPointF) -> None:
        """Stamp a soft round brush into the mask (add or erase)."""
        if self._mask is None:
            return
        c = self._to_image(pos)
        h, w = self._mask.shape
        r = self.brush
        x0, x1 = int(max(c.x() - r, 0)), int(min(c.x() + r + 1, w))
        y0, y1 = int(max(c.y() - r, 0)), int(min(c.y() + r + 1, h))
        if x0 >= x1 or y0 >= y1:
            return
        yy, xx = np.mgrid[y0:y1, x0:x1]
        d = np.hypot(xx + 0.5 - c.x(), yy + 0.5 - c.y()) / r
        stamp = np.clip((1.0 - d) * 3, 0, 1).astype(np.float32)  # soft edge over the outer third
        region = self._mask[y0:y1, x0:x1]
        self._mask[y0:y1, x0:x1] = np.maximum(region, stamp) if self.paint_mode == "add" else region * (1 - stamp)
        self.overlay = alpha_overlay(self._mask, QColor(255, 60, 60, 120))
