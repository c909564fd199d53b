import {
  CHANNEL_LABELS,
  LEAD_STAGES,
  type LeadStage,
  type MapSnapshot,
  STARTER_STRATEGIES,
  type StarterStrategy,
  TEAM_LABELS,
} from '@baton/model';
import { useState } from 'react';
import { TEAM_COLORS } from '../canvas/palette';
import { encodeStrategy, STRATEGY_MIME } from '../canvas/strategy-transfer';
import { CollapseButton } from '../panels/SideRail';

interface StrategyPaletteProps {
  snapshot: MapSnapshot;
  /** Click or Enter: add the strategy to its stage, in its team's lane. */
  onAdd: (strategy: StarterStrategy, stage: LeadStage) => void;
  onCollapse: () => void;
}

/** Proven strategies per lead stage (DESIGN.md §1), to drag onto the canvas or add with a click. */
export function StrategyPalette({ snapshot, onAdd, onCollapse }: StrategyPaletteProps) {
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  return (
    <nav className="palette" aria-label="Starter strategies" data-testid="strategy-palette">
      <header className="palette-header">
        <div>
          <h2>Starter strategies</h2>
          <p className="muted">Drag onto a cell, or click to add.</p>
        </div>
        <CollapseButton side="left" label="Collapse starter strategies" onCollapse={onCollapse} />
      </header>
      <input
        className="input compact palette-search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder="Find a strategy"
        aria-label="Find a starter strategy"
      />
      <div className="palette-groups">
        {LEAD_STAGES.map((stage) => {
          const strategies = STARTER_STRATEGIES[stage].filter(
            (strategy) => !needle || strategy.title.toLowerCase().includes(needle),
          );
          if (strategies.length === 0) return null;
          return (
            <section key={stage} className="palette-group" aria-label={snapshot.stages[stage].label}>
              <h3>{snapshot.stages[stage].label}</h3>
              <ul>
                {strategies.map((strategy) => (
                  <li key={strategy.title}>
                    <button
                      type="button"
                      className="palette-item"
                      draggable
                      data-testid="palette-item"
                      data-stage={stage}
                      data-title={strategy.title}
                      title={strategy.description}
                      aria-label={`Add ${strategy.title} (${TEAM_LABELS[strategy.team]}, ${snapshot.stages[stage].label})`}
                      onDragStart={(event) => {
                        event.dataTransfer.setData(STRATEGY_MIME, encodeStrategy(strategy));
                        event.dataTransfer.setData('text/plain', strategy.title);
                        event.dataTransfer.effectAllowed = 'copy';
                      }}
                      onClick={() => onAdd(strategy, stage)}
                    >
                      <span
                        className="palette-dot"
                        style={{ background: TEAM_COLORS[strategy.team].accent }}
                        aria-hidden="true"
                      />
                      <span className="palette-title">{strategy.title}</span>
                      <span className="palette-channel">{CHANNEL_LABELS[strategy.channel]}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </nav>
  );
}
