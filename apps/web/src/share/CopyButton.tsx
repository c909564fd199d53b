import { useEffect, useState } from 'react';
import { copyText } from '../components/clipboard';

interface CopyButtonProps {
  /** The text to copy, or a function producing it (the view link is derived asynchronously). */
  text: string | (() => Promise<string>);
  label: string;
  ariaLabel: string;
  testId: string;
  className?: string;
}

export function CopyButton({ text, label, ariaLabel, testId, className = 'button' }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [copiedText, setCopiedText] = useState('');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 1800);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      const value = typeof text === 'string' ? text : await text();
      await copyText(value);
      setCopiedText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <button
      type="button"
      className={className}
      aria-label={ariaLabel}
      data-testid={testId}
      data-copied={copiedText || undefined}
      onClick={copy}
    >
      {state === 'copied' ? 'Copied ✓' : state === 'failed' ? 'Copy failed' : label}
    </button>
  );
}
