// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from './after-paint';

describe('afterNextPaint', () => {
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs in a task after the next animation frame, not in the frame itself', () => {
    const task = vi.fn();
    afterNextPaint(task);
    expect(task).not.toHaveBeenCalled();
    // The animation frame callback only posts the task.
    vi.advanceTimersToNextFrame();
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersToNextTimer();
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('runs after the fallback when no frame is drawn (a hidden tab), once', () => {
    const task = vi.fn();
    // A hidden tab: animation frames never come.
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    afterNextPaint(task, 500);
    vi.advanceTimersByTime(499);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
    vi.mocked(window.requestAnimationFrame).mockRestore();
  });

  it('does nothing once cancelled', () => {
    const task = vi.fn();
    const cancel = afterNextPaint(task);
    cancel();
    vi.advanceTimersToNextFrame();
    vi.runAllTimers();
    expect(task).not.toHaveBeenCalled();
  });
});
