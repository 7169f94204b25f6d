// The playback bar's buttons, keys and clock (Streamlit components v2: in the page, no frame).
//
// Python draws the state (data); this sends what the reader does as the trigger value
// `action` (toggle, back, forward, home, end: the page, not this drawing of it, knows
// whether it plays, so a bar drawn from a stale state cannot play a playing page) and,
// while playing, the clock's trigger `tick` with the seconds of wall time since the last
// frame was asked for (two triggers: a tick sent just after a click must not replace it).
// No tick is sent from a click until the page says it has handled it (`handled`): a
// request waiting on the server is replaced by the next one, so a tick would swallow the
// click. The next tick is asked for only once the page has drawn the last one (a new `frame`), and never sooner than `frameMs` after it: a slow
// frame makes the next one jump further in data time (frames are dropped, not time).
// Keys, while focus is in the bar: Space plays or pauses, the arrows step, Home and End
// jump. Time runs left to right in both languages: the right arrow goes later in Arabic too.

/** The buttons' icons (drawn left to right: time runs that way in both languages). */
const ICONS = {
  home: '<path d="M5 5h2v14H5zM19 5v14L8 12z"/>',
  back: '<path d="M12 5v14L3 12zM21 5v14l-9-7z"/>',
  play: '<path d="M7 5v14l12-7z"/>',
  pause: '<path d="M6 5h4v14H6zM14 5h4v14h-4z"/>',
  forward: '<path d="M3 5v14l9-7zM12 5v14l9-7z"/>',
  end: '<path d="M17 5h2v14h-2zM5 5v14l11-7z"/>',
};
const svg = (name) => `<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">${ICONS[name]}</svg>`;

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  const bar = parentElement.querySelector(".playback");
  const clock = bar.__clock || (bar.__clock = { frame: null, timer: 0, last: 0, playing: false, count: 0, pending: 0 });
  clock.data = data;
  clock.setTriggerValue = setTriggerValue; // the listeners, bound once, use the latest
  const send = (kind) => {
    window.clearTimeout(clock.timer); // no tick until the page has answered
    // the bar may be drawn anew by this action: its focus is as recent as the action
    if (window.__playbackFocus) window.__playbackFocus.at = performance.now();
    clock.count = Math.max(clock.count, clock.data.handled) + 1;
    const action = { kind, n: clock.count };
    clock.pending = action.n;
    clock.setTriggerValue("action", action);
    // a request waiting on the server can be replaced by the next: play/pause (taken once,
    // by its number) is sent again until the page has handled it
    window.clearInterval(clock.retry);
    if (kind === "toggle") {
      clock.retry = window.setInterval(() => {
        if (clock.data.handled >= action.n || !bar.isConnected) window.clearInterval(clock.retry);
        else clock.setTriggerValue("action", action);
      }, 1000);
    }
  };

  bar.dir = "ltr"; // the buttons run as time does, left to right (the status reads in its own)
  bar.querySelector(".status").dir = data.rtl ? "rtl" : "ltr";
  bar.setAttribute("aria-label", data.texts.controls);
  for (const button of bar.querySelectorAll("button[data-action]")) {
    const action = button.dataset.action;
    const name = action === "toggle" ? (data.playing ? data.texts.pause : data.texts.play) : data.texts[action];
    button.setAttribute("aria-label", name);
    button.title = name;
    const icon = action === "toggle" ? (data.playing ? "pause" : "play") : action;
    if (button.dataset.icon !== icon) {
      button.innerHTML = svg(icon);
      button.dataset.icon = icon;
    }
  }
  bar.querySelector(".status").textContent = data.status;
  const live = bar.querySelector(".live");
  if (live.textContent !== data.announce) live.textContent = data.announce;
  bar.dataset.day = data.day;
  bar.dataset.playing = String(data.playing);
  bar.dataset.frame = String(data.frame);

  if (!clock.bound) {
    clock.bound = true;
    // the bar is drawn anew when playing starts or stops: the focus goes back where it was
    const last = window.__playbackFocus;
    if (last && performance.now() - last.at < 5000) {
      bar.querySelector(`button[data-action="${last.action}"]`)?.focus();
    }
    bar.addEventListener("focusin", (event) => {
      const button = event.target.closest("button[data-action]");
      if (button) window.__playbackFocus = { action: button.dataset.action, at: performance.now() };
    });
    bar.addEventListener("focusout", () => {
      if (window.__playbackFocus) window.__playbackFocus.at = performance.now();
    });
    bar.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-action]");
      if (!button) return;
      const action = button.dataset.action;
      send(action);
    });
    bar.addEventListener("keydown", (event) => {
      const keys = { ArrowRight: "forward", ArrowLeft: "back", Home: "home", End: "end" };
      const action = event.key === " " || event.key === "Spacebar" ? "toggle" : keys[event.key];
      if (!action) return;
      event.preventDefault(); // a focused button would also click: one toggle only
      event.stopPropagation(); // the presenter's arrow keys (next step) are the page's, not these
      send(action);
    });
  }

  window.clearTimeout(clock.timer);
  if (!data.playing) {
    clock.playing = false;
    return;
  }
  if (!clock.playing) {
    clock.playing = true;
    clock.last = performance.now(); // the play starts now
  }
  if (clock.pending > data.handled) return; // a click not handled yet
  clock.pending = 0;
  if (data.frame === clock.frame) return;
  clock.frame = data.frame;
  const wait = Math.max(0, data.frameMs - (performance.now() - clock.last));
  clock.timer = window.setTimeout(() => {
    const now = performance.now();
    const seconds = (now - clock.last) / 1000;
    clock.last = now;
    clock.count += 1;
    setTriggerValue("tick", { seconds, n: clock.count });
  }, wait);
}
