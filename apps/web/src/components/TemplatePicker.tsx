import { TEMPLATES } from '@baton/model';
import { useEffect, useState } from 'react';
import { fetchTemplates, type TemplateSummary } from '../api/client';

interface TemplatePickerProps {
  busy: boolean;
  onPick: (template: TemplateSummary) => void;
}

const ICONS: Record<string, string> = {
  'b2b-services': 'M3 13V6l5-3 5 3v7M6 13V9h4v4',
  'small-business': 'M2 6h12l-1 7H3zM5 6a3 3 0 0 1 6 0',
  'saas-free-trial': 'M2 4h12v8H2zM5 14h6M8 12v2',
};

/** "Start from a template": the journeys the server offers, each a complete relay to adapt. */
export function TemplatePicker({ busy, onPick }: TemplatePickerProps) {
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    void fetchTemplates(TEMPLATES).then((list) => !cancelled && setTemplates(list));
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <section className="templates" aria-labelledby="templates-heading">
      <h2 id="templates-heading">Start from a template</h2>
      <p className="muted">
        A complete journey — every stage, both teams, handoffs with rules and a feedback loop — ready to
        adapt.
      </p>
      <ul className="template-list" aria-busy={templates === null}>
        {(templates ?? []).map((template) => (
          <li key={template.id}>
            <button
              type="button"
              className="template-card"
              disabled={busy}
              onClick={() => onPick(template)}
              data-testid={`template-${template.id}`}
              aria-label={`Start from the ${template.title} template`}
            >
              <span className="template-icon">
                <svg width="20" height="20" viewBox="0 0 16 16" aria-hidden="true">
                  <path
                    d={ICONS[template.id] ?? 'M2 3h12v10H2z'}
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="1.4"
                    strokeLinejoin="round"
                  />
                </svg>
              </span>
              <strong>{template.title}</strong>
              <span className="template-description">{template.description}</span>
              <span className="template-cta">Use this template →</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
