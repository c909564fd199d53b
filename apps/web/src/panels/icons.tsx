/** The starter strategies: a few cards ready to place. */
export function StrategiesIcon() {
  return (
    <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
      <rect x="2.5" y="3" width="9" height="6" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <rect
        x="2.5"
        y="11"
        width="9"
        height="6"
        rx="1.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      />
      <path d="M15.5 6v8M11.5 10h8" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

/** The journey analysis: a pulse line. */
export function AnalysisIcon() {
  return (
    <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
      <path
        d="M2 10.5h3.5l2-5 4 10 2-5H18"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
