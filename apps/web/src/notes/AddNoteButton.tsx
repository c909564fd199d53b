import { useReactFlow } from '@xyflow/react';

/** Adds a sticky note in the middle of what this browser shows. */
export function AddNoteButton({ onAdd }: { onAdd: (at: { x: number; y: number }) => void }) {
  const { screenToFlowPosition } = useReactFlow();
  return (
    <button
      type="button"
      className="button small"
      onClick={() => {
        const canvas = document.querySelector('.react-flow')?.getBoundingClientRect();
        if (!canvas) return;
        onAdd(screenToFlowPosition({ x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 }));
      }}
      data-testid="add-note"
      title="Add a sticky note in the middle of your view"
    >
      + Note
    </button>
  );
}
