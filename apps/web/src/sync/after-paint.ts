/**
 * Runs `task` once the browser has painted its next frame: a timeout set from an animation frame
 * runs after that frame is drawn. For work that can wait until what the page shows is on screen
 * (checking a map that has just arrived). A hidden tab draws no frames, so after `fallbackMs` the
 * task runs anyway. Returns a function that cancels it.
 */
export function afterNextPaint(task: () => void, fallbackMs = 1000): () => void {
  let done = false;
  let timer = setTimeout(run, fallbackMs);
  const frame = requestAnimationFrame(() => {
    clearTimeout(timer);
    timer = setTimeout(run);
  });
  function run() {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    task();
  }
  return () => {
    done = true;
    clearTimeout(timer);
    cancelAnimationFrame(frame);
  };
}
