import type { Finding, MapAnalysis, MapSnapshot } from '@baton/model';
import { memo, type ReactNode, useMemo } from 'react';
import { CollapseButton } from '../panels/SideRail';
import { BalanceBar } from './BalanceBar';
import { CheckList, navigableFindings } from './CheckList';
import { CoverageMatrix } from './CoverageMatrix';
import { FindingNavigator } from './FindingNavigator';
import { FunnelChart } from './FunnelChart';
import { MetricsTable } from './MetricsTable';
import { StartHere } from './StartHere';

interface AnalysisPanelProps {
  analysis: MapAnalysis;
  /** The stages' names as the map's users named them (the same object until a stage is edited). */
  stages: MapSnapshot['stages'];
  /** No card yet: a friendly start instead of a score of 0 and a list of gaps. */
  empty: boolean;
  editable: boolean;
  /** The finding framed on the canvas now, if any. */
  focusedFindingId: string | null;
  onFocusFinding: (finding: Finding) => void;
  onStopFocus: () => void;
  onSelectTouchpoint: (id: string) => void;
  onClose: () => void;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="analysis-section" aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

/**
 * The live analysis of the map, so anyone's edit shows. Memoised: it re-renders when the
 * analysis (computed off the typing path, see useLiveAnalysis) changes, not on every keystroke.
 */
export const AnalysisPanel = memo(function AnalysisPanel({
  analysis,
  stages,
  empty,
  editable,
  focusedFindingId,
  onFocusFinding,
  onStopFocus,
  onSelectTouchpoint,
  onClose,
}: AnalysisPanelProps) {
  const { healthy, counts } = analysis;
  const verdict = healthy
    ? counts.warning === 0
      ? 'Healthy'
      : `Healthy · ${counts.warning} warning${counts.warning === 1 ? '' : 's'}`
    : `${counts.problem} problem${counts.problem === 1 ? '' : 's'}`;
  const navigable = useMemo(() => navigableFindings(analysis), [analysis]);
  return (
    <aside
      className="side-panel analysis-panel"
      aria-label="Journey analysis"
      data-testid="analysis-panel"
      data-healthy={healthy ? 'true' : 'false'}
    >
      <header className="panel-header">
        <h2>Analysis</h2>
        <CollapseButton side="right" label="Collapse the analysis" onCollapse={onClose} />
      </header>
      {focusedFindingId && (
        <FindingNavigator
          findings={navigable}
          focusedId={focusedFindingId}
          onFocusFinding={onFocusFinding}
          onDone={onStopFocus}
        />
      )}
      {empty ? (
        <StartHere editable={editable} />
      ) : (
        <>
          <div className={`health-card ${healthy ? 'healthy' : 'unhealthy'}`} data-testid="analysis-health">
            <div className="health-score" title="Score out of 100">
              {analysis.score}
              <span className="sr-only"> out of 100</span>
            </div>
            <div>
              <strong data-testid="analysis-verdict">{verdict}</strong>
              <p>{analysis.summary}</p>
            </div>
          </div>
          <Section title="Checks">
            <CheckList analysis={analysis} focusedId={focusedFindingId} onFocusFinding={onFocusFinding} />
          </Section>
          <Section title="Coverage">
            <CoverageMatrix coverage={analysis.coverage} stages={stages} />
          </Section>
          <Section title="Balance">
            <BalanceBar balance={analysis.balance} />
          </Section>
          <Section title="Funnel">
            <FunnelChart funnel={analysis.funnel} />
          </Section>
          <Section title="Targets vs actuals">
            <MetricsTable metrics={analysis.metrics} onSelect={onSelectTouchpoint} />
          </Section>
        </>
      )}
    </aside>
  );
});
