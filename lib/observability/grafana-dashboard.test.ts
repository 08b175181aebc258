import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metrics } from './metrics';

// docs/grafana-dashboard.json must read only metrics Thalamus exports: a renamed metric
// would otherwise leave an empty panel that nobody notices until an incident.

const dashboard = JSON.parse(readFileSync('docs/grafana-dashboard.json', 'utf8')) as { panels: { title: string; targets: { expr: string }[] }[] };

describe('the Grafana dashboard', () => {
  it('queries metrics that /metrics exports', async () => {
    const exported = new Set((await metrics().registry.getMetricsAsJSON()).map((metric) => metric.name));
    const queried = dashboard.panels.flatMap((panel) => panel.targets.flatMap((target) => target.expr.match(/\b(?:thalamus|process|nodejs)_[a-z0-9_]+/g) ?? []));
    expect(queried.length).toBeGreaterThan(10);
    for (const name of queried) expect(exported, name).toContain(name.replace(/_(bucket|count|sum)$/, ''));
  });
});
