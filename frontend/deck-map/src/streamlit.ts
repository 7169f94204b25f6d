/**
 * Streamlit's component protocol (components v1), spoken directly.
 *
 * The page sends `streamlit:render` with the arguments each run; the component answers
 * with `streamlit:componentReady` once, `streamlit:setFrameHeight` and
 * `streamlit:setComponentValue`. streamlit-component-lib would bring React 16 and Apache
 * Arrow into the bundle for these four messages (see the design note on the component).
 */

const API_VERSION = 1;

type Outgoing =
  | { type: "streamlit:componentReady"; apiVersion: number }
  | { type: "streamlit:setFrameHeight"; height: number }
  | { type: "streamlit:setComponentValue"; value: unknown; dataType: "json" };

function send(message: Outgoing): void {
  window.parent.postMessage({ isStreamlitMessage: true, ...message }, "*");
}

/** Call `onRender` with each run's arguments; returns how to answer the page. */
export function connect<Args>(onRender: (args: Args) => void): {
  setHeight: (height: number) => void;
  setValue: (value: unknown) => void;
} {
  window.addEventListener("message", (event: MessageEvent) => {
    const data = event.data as { type?: string; args?: Args } | null;
    if (event.source === window.parent && data?.type === "streamlit:render" && data.args) {
      onRender(data.args);
    }
  });
  send({ type: "streamlit:componentReady", apiVersion: API_VERSION });
  let lastHeight = -1;
  return {
    setHeight(height: number) {
      if (height !== lastHeight) {
        lastHeight = height;
        send({ type: "streamlit:setFrameHeight", height });
      }
    },
    setValue(value: unknown) {
      send({ type: "streamlit:setComponentValue", value, dataType: "json" });
    },
  };
}
