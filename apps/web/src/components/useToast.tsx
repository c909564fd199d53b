import { useCallback, useEffect, useState } from 'react';

/** A short message at the bottom of the screen, e.g. why a change was refused. */
export function useToast(): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (!message) return;
    const timer = window.setTimeout(() => setMessage(''), 5000);
    return () => window.clearTimeout(timer);
  }, [message]);
  return [message, useCallback((next: string) => setMessage(next), [])];
}

export function Toast({ message }: { message: string }) {
  if (!message) return null;
  return (
    <div className="toast" role="alert" data-testid="toast">
      {message}
    </div>
  );
}
