import { ANALYSIS_RULES, type Finding, type MapAnalysis, SEVERITIES, type Severity } from '@baton/model';
import { memo } from 'react';
import { ShowMore, usePaged } from './paging';
import { SeverityIcon } from './SeverityIcon';

const FINDINGS_PAGE = 8;

import { RULE_LABELS } from './words';

/** Whether clicking a finding can show something on the canvas. */
export function pointsAtCanvas(finding: Finding): boolean {
  return (
    finding.touchpointIds.length > 0 ||
    finding.connectionIds.length > 0 ||
    finding.cell !== undefined ||
    finding.stage !== undefined
  );
}

/** The checks with findings, worst first: the order the panel lists them in. */
function checkGroups(analysis: MapAnalysis) {
  return ANALYSIS_RULES.map((rule) => {
    const findings = analysis.findings.filter((finding) => finding.rule === rule);
    return { rule, findings, severity: worst(findings) };
  })
    .filter((group) => group.findings.length > 0)
    .sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity));
}

/** The findings that show something on the canvas, in the order the panel lists them. */
export function navigableFindings(analysis: MapAnalysis): Finding[] {
  return checkGroups(analysis).flatMap((group) => group.findings.filter(pointsAtCanvas));
}

function worst(findings: Finding[]): Severity {
  let index = 0;
  for (const finding of findings) index = Math.max(index, SEVERITIES.indexOf(finding.severity));
  return SEVERITIES[index] ?? 'ok';
}

/** One check's findings, the first few at once: a big map can have hundreds of dead ends. */
function FindingList({
  findings,
  focusedId,
  onFocusFinding,
}: {
  findings: Finding[];
  focusedId: string | null;
  onFocusFinding: (finding: Finding) => void;
}) {
  const { shown, hidden, showMore } = usePaged(findings, FINDINGS_PAGE);
  return (
    <>
      <ul className="finding-list">
        {shown.map((finding) => {
          const clickable = pointsAtCanvas(finding);
          const content = (
            <>
              <span className={`finding-dot severity-${finding.severity}`} aria-hidden="true" />
              <span className="finding-message">{finding.message}</span>
            </>
          );
          return (
            <li key={finding.id}>
              {clickable ? (
                <button
                  type="button"
                  className={`finding clickable${finding.id === focusedId ? ' current' : ''}`}
                  aria-current={finding.id === focusedId ? 'true' : undefined}
                  data-testid="finding"
                  data-finding-id={finding.id}
                  data-severity={finding.severity}
                  title="Show on the canvas"
                  onClick={() => onFocusFinding(finding)}
                >
                  {content}
                </button>
              ) : (
                <div
                  className="finding"
                  data-testid="finding"
                  data-finding-id={finding.id}
                  data-severity={finding.severity}
                >
                  {content}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <ShowMore hidden={hidden} onClick={showMore} what="findings" />
    </>
  );
}

interface CheckListProps {
  analysis: MapAnalysis;
  /** The finding shown on the canvas now, marked in the list. */
  focusedId: string | null;
  onFocusFinding: (finding: Finding) => void;
}

/** Every check, worst first, with its findings; a finding that points at cards frames them on click. */
export const CheckList = memo(function CheckList({ analysis, focusedId, onFocusFinding }: CheckListProps) {
  const groups = checkGroups(analysis);

  return (
    <ul className="check-list" data-testid="check-list">
      {groups.map(({ rule, findings, severity }) => (
        <li
          key={rule}
          className={`check severity-${severity}`}
          data-testid={`check-${rule}`}
          data-severity={severity}
        >
          <div className="check-head">
            <SeverityIcon severity={severity} />
            <span className="check-name">{RULE_LABELS[rule]}</span>
          </div>
          <FindingList findings={findings} focusedId={focusedId} onFocusFinding={onFocusFinding} />
        </li>
      ))}
    </ul>
  );
});
