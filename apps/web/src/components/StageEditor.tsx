import type { LeadStage, MapSnapshot } from '@baton/model';
import type { MapActions } from '../editing/map-actions';
import { CommitNumber, CommitText } from './commit-fields';
import { Field } from './fields';
import { PanelShell } from './PanelShell';

interface StageEditorProps {
  stage: LeadStage;
  snapshot: MapSnapshot;
  actions: MapActions;
  onClose: () => void;
}

/** A lead stage's column: its label, what it means for this business, and how many leads are in it. */
export function StageEditor({ stage, snapshot, actions, onClose }: StageEditorProps) {
  const current = snapshot.stages[stage];
  const touchpoints = snapshot.touchpoints.filter((touchpoint) => touchpoint.stage === stage).length;
  return (
    <PanelShell title="Lead stage" label="Stage editor" testId="stage-editor" onClose={onClose}>
      <Field label="Label" htmlFor="stage-label">
        <CommitText
          id="stage-label"
          value={current.label}
          maxLength={60}
          testId="stage-label-input"
          onCommit={(label) => (label.trim() ? actions.updateStage(stage, { label }) : false)}
        />
      </Field>
      <Field label="Description" htmlFor="stage-description">
        <CommitText
          id="stage-description"
          value={current.description}
          multiline
          maxLength={2000}
          testId="stage-description-input"
          onCommit={(description) => actions.updateStage(stage, { description })}
        />
      </Field>
      <Field label="Leads in this stage" htmlFor="stage-leads">
        <CommitNumber
          id="stage-leads"
          value={current.leads}
          integer
          placeholder="e.g. 1200"
          testId="stage-leads-input"
          onCommit={(leads) => (leads !== null && leads < 0 ? false : actions.updateStage(stage, { leads }))}
        />
      </Field>
      <p className="panel-note">
        Lead counts feed the funnel in the analysis: the conversion from each stage to the next. This stage
        has {touchpoints} touchpoint{touchpoints === 1 ? '' : 's'}.
      </p>
    </PanelShell>
  );
}
