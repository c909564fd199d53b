import { describe, expect, it } from 'vitest';
import { stageTagFits } from './card-text';

describe('a stage tag beside the channel chip', () => {
  it('fits unclipped when it is a short Latin name, as the default stages are', () => {
    for (const label of ['Cold', 'Warm', 'Qualified', 'Customer', 'Qualifié', 'Лид'])
      expect(stageTagFits(label)).toBe(true);
  });

  it('keeps its clip (and ellipsis) when it is long or in a wide script or emoji', () => {
    for (const label of ['Marketing qualified', 'Sales-ready', '見込み客', '잠재 고객', '🔥 Hot'])
      expect(stageTagFits(label)).toBe(false);
  });
});
