"""The X screen through libX11 and MIT-SHM with ctypes (no Xlib package on this machine): grab
the root window into shared memory, list and close top-level windows as a window manager's
close button does (WM_DELETE_WINDOW). Used by bench_usable.py's observer and harness.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from typing import Any

_X = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
_XEXT = ctypes.CDLL(ctypes.util.find_library("Xext") or "libXext.so.6")
_LIBC = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)

Window = ctypes.c_ulong
Atom = ctypes.c_ulong
IPC_PRIVATE, IPC_CREAT, IPC_RMID = 0, 0o1000, 0
ZPIXMAP, IS_VIEWABLE, CLIENT_MESSAGE = 2, 2, 33
ALL_PLANES = ctypes.c_ulong(~0 & 0xFFFFFFFFFFFFFFFF)


class XImage(ctypes.Structure):
    _fields_ = [
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("xoffset", ctypes.c_int),
        ("format", ctypes.c_int),
        ("data", ctypes.c_void_p),
        ("byte_order", ctypes.c_int),
        ("bitmap_unit", ctypes.c_int),
        ("bitmap_bit_order", ctypes.c_int),
        ("bitmap_pad", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("bytes_per_line", ctypes.c_int),
        ("bits_per_pixel", ctypes.c_int),
        ("red_mask", ctypes.c_ulong),
        ("green_mask", ctypes.c_ulong),
        ("blue_mask", ctypes.c_ulong),
        ("obdata", ctypes.c_void_p),
        ("funcs", ctypes.c_void_p * 6),
    ]


class XShmSegmentInfo(ctypes.Structure):
    _fields_ = [
        ("shmseg", ctypes.c_ulong),
        ("shmid", ctypes.c_int),
        ("shmaddr", ctypes.c_void_p),
        ("readOnly", ctypes.c_int),
    ]


class XWindowAttributes(ctypes.Structure):
    _fields_ = [
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("border_width", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p),
        ("root", Window),
        ("class_", ctypes.c_int),
        ("bit_gravity", ctypes.c_int),
        ("win_gravity", ctypes.c_int),
        ("backing_store", ctypes.c_int),
        ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong),
        ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong),
        ("map_installed", ctypes.c_int),
        ("map_state", ctypes.c_int),
        ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long),
        ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int),
        ("screen", ctypes.c_void_p),
    ]


class XClientMessageEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", Window),
        ("message_type", Atom),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class XEvent(ctypes.Union):
    _fields_ = [("xclient", XClientMessageEvent), ("pad", ctypes.c_long * 24)]


_X.XOpenDisplay.restype = ctypes.c_void_p
_X.XOpenDisplay.argtypes = [ctypes.c_char_p]
_X.XDefaultRootWindow.restype = Window
_X.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
_X.XDefaultScreen.argtypes = [ctypes.c_void_p]
_X.XDefaultVisual.restype = ctypes.c_void_p
_X.XDefaultVisual.argtypes = [ctypes.c_void_p, ctypes.c_int]
_X.XDefaultDepth.argtypes = [ctypes.c_void_p, ctypes.c_int]
_X.XDisplayWidth.argtypes = [ctypes.c_void_p, ctypes.c_int]
_X.XDisplayHeight.argtypes = [ctypes.c_void_p, ctypes.c_int]
_X.XCloseDisplay.argtypes = [ctypes.c_void_p]
_X.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
_X.XFlush.argtypes = [ctypes.c_void_p]
_X.XInternAtom.restype = Atom
_X.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
_X.XQueryTree.argtypes = [
    ctypes.c_void_p,
    Window,
    ctypes.POINTER(Window),
    ctypes.POINTER(Window),
    ctypes.POINTER(ctypes.POINTER(Window)),
    ctypes.POINTER(ctypes.c_uint),
]
_X.XFree.argtypes = [ctypes.c_void_p]
_X.XGetWindowAttributes.argtypes = [
    ctypes.c_void_p,
    Window,
    ctypes.POINTER(XWindowAttributes),
]
_X.XSendEvent.argtypes = [
    ctypes.c_void_p,
    Window,
    ctypes.c_int,
    ctypes.c_long,
    ctypes.POINTER(XEvent),
]
_X.XFetchName.argtypes = [ctypes.c_void_p, Window, ctypes.POINTER(ctypes.c_char_p)]
_X.XGetWindowProperty.argtypes = [
    ctypes.c_void_p,
    Window,
    Atom,
    ctypes.c_long,
    ctypes.c_long,
    ctypes.c_int,
    Atom,
    ctypes.POINTER(Atom),
    ctypes.POINTER(ctypes.c_int),
    ctypes.POINTER(ctypes.c_ulong),
    ctypes.POINTER(ctypes.c_ulong),
    ctypes.POINTER(ctypes.c_void_p),
]
_XEXT.XShmQueryExtension.argtypes = [ctypes.c_void_p]
_XEXT.XShmCreateImage.restype = ctypes.POINTER(XImage)
_XEXT.XShmCreateImage.argtypes = [
    ctypes.c_void_p,
    ctypes.c_void_p,
    ctypes.c_uint,
    ctypes.c_int,
    ctypes.c_void_p,
    ctypes.POINTER(XShmSegmentInfo),
    ctypes.c_uint,
    ctypes.c_uint,
]
_XEXT.XShmAttach.argtypes = [ctypes.c_void_p, ctypes.POINTER(XShmSegmentInfo)]
_XEXT.XShmGetImage.argtypes = [
    ctypes.c_void_p,
    Window,
    ctypes.POINTER(XImage),
    ctypes.c_int,
    ctypes.c_int,
    ctypes.c_ulong,
]
_LIBC.shmget.argtypes = [ctypes.c_int, ctypes.c_size_t, ctypes.c_int]
_LIBC.shmat.restype = ctypes.c_void_p
_LIBC.shmat.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_int]
_LIBC.shmctl.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_void_p]
_LIBC.shmdt.argtypes = [ctypes.c_void_p]


class Screen:
    """One connection to the X display ``name`` (e.g. ``:99``)."""

    def __init__(self, name: str) -> None:
        self.display = _X.XOpenDisplay(name.encode())
        if not self.display:
            raise RuntimeError(f"cannot open X display {name}")
        screen = _X.XDefaultScreen(self.display)
        self.root = _X.XDefaultRootWindow(self.display)
        self.width = _X.XDisplayWidth(self.display, screen)
        self.height = _X.XDisplayHeight(self.display, screen)
        self._visual = _X.XDefaultVisual(self.display, screen)
        self._depth = _X.XDefaultDepth(self.display, screen)
        self._shm: XShmSegmentInfo | None = None
        self._image: Any = None

    # -- grabbing ------------------------------------------------------------------------
    def start_grabbing(self) -> None:
        if not _XEXT.XShmQueryExtension(self.display):
            raise RuntimeError("the X server has no MIT-SHM")
        self._shm = XShmSegmentInfo()
        image = _XEXT.XShmCreateImage(
            self.display,
            self._visual,
            self._depth,
            ZPIXMAP,
            None,
            ctypes.byref(self._shm),
            self.width,
            self.height,
        )
        size = image.contents.bytes_per_line * image.contents.height
        self._shm.shmid = _LIBC.shmget(IPC_PRIVATE, size, IPC_CREAT | 0o600)
        if self._shm.shmid < 0:
            raise OSError(ctypes.get_errno(), "shmget")
        address = _LIBC.shmat(self._shm.shmid, None, 0)
        self._shm.shmaddr = address
        image.contents.data = address
        self._shm.readOnly = 0
        if not _XEXT.XShmAttach(self.display, ctypes.byref(self._shm)):
            raise RuntimeError("XShmAttach failed")
        _X.XSync(self.display, 0)
        _LIBC.shmctl(self._shm.shmid, IPC_RMID, None)  # freed when both sides detach
        self._image = image
        self.frame_size = size
        self.bytes_per_line = image.contents.bytes_per_line

    def grab(self) -> bytes:
        """The whole screen now, BGRX rows of ``bytes_per_line`` (XShmGetImage waits for it)."""
        if not _XEXT.XShmGetImage(self.display, self.root, self._image, 0, 0, ALL_PLANES):
            raise RuntimeError("XShmGetImage failed")
        assert self._shm is not None
        return ctypes.string_at(self._shm.shmaddr, self.frame_size)

    # -- windows -------------------------------------------------------------------------
    def top_levels(self) -> list[tuple[int, str, tuple[int, int, int, int]]]:
        """The mapped children of the root: (window, name, (x, y, width, height))."""
        root_ret, parent_ret = Window(), Window()
        children = ctypes.POINTER(Window)()
        count = ctypes.c_uint()
        if not _X.XQueryTree(
            self.display,
            self.root,
            ctypes.byref(root_ret),
            ctypes.byref(parent_ret),
            ctypes.byref(children),
            ctypes.byref(count),
        ):
            return []
        found = []
        for i in range(count.value):
            window = children[i]
            attributes = XWindowAttributes()
            if not _X.XGetWindowAttributes(self.display, window, ctypes.byref(attributes)):
                continue
            if attributes.map_state != IS_VIEWABLE or attributes.override_redirect:
                continue
            name = ctypes.c_char_p()
            title = ""
            if _X.XFetchName(self.display, window, ctypes.byref(name)) and name.value:
                title = name.value.decode("utf-8", "replace")
                _X.XFree(name)
            box = (attributes.x, attributes.y, attributes.width, attributes.height)
            found.append((int(window), title, box))
        if children:
            _X.XFree(children)
        return found

    def close_all(self) -> int:
        """Ask every mapped top-level window to close (WM_DELETE_WINDOW, as a window
        manager's close button does); the number asked."""
        protocols = _X.XInternAtom(self.display, b"WM_PROTOCOLS", 0)
        delete = _X.XInternAtom(self.display, b"WM_DELETE_WINDOW", 0)
        windows = self.top_levels()
        for window, _name, _box in windows:
            event = XEvent()
            event.xclient.type = CLIENT_MESSAGE
            event.xclient.window = window
            event.xclient.message_type = protocols
            event.xclient.format = 32
            event.xclient.data[0] = delete
            event.xclient.data[1] = 0  # CurrentTime
            _X.XSendEvent(self.display, window, 0, 0, ctypes.byref(event))
        _X.XSync(self.display, 0)
        return len(windows)

    def close(self) -> None:
        if self._shm is not None and self._shm.shmaddr:
            _LIBC.shmdt(self._shm.shmaddr)
            self._shm = None
        if self.display:
            _X.XCloseDisplay(self.display)
            self.display = None
