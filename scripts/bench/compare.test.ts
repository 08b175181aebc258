import { describe, expect, it } from 'vitest';
import { change, compareResults, type Results } from './compare';

const earlier: Results = {
  machine: { node: 'v20.20.2' },
  rows: [
    { database: 'sqlite', scenario: 'client_credentials, JWT ES256', rps: 1000, p99: 20, cpuMsPerRequest: 1.5, peakRssMb: 200 },
    { database: 'sqlite', scenario: 'discovery', rps: 3000 },
  ],
};

describe('bench --compare', () => {
  it('shows each figure’s change in percent and marks a regression beyond the noise', () => {
    expect(change(1000, 1250, 'higher')).toBe('1000 → 1250 (+25.0 %)');
    expect(change(1000, 800, 'higher')).toBe('1000 → 800 (-20.0 %, worse)');
    expect(change(20, 30, 'lower')).toBe('20 → 30 (+50.0 %, worse)');
    expect(change(20, 21, 'lower')).toBe('20 → 21 (+5.0 %)');
    expect(change(undefined, 21, 'lower')).toBe('');
  });

  it('matches rows by database, scenario and Node version; older results count as the machine’s Node', () => {
    const current: Results = {
      machine: { node: 'v20.20.2' },
      rows: [
        { database: 'sqlite', node: 'v20.20.2', scenario: 'client_credentials, JWT ES256', rps: 1100, p99: 18, cpuMsPerRequest: 1.5, peakRssMb: 210 },
        { database: 'sqlite', node: 'v24.22.3', scenario: 'client_credentials, JWT ES256', rps: 1300 },
      ],
    };
    const lines = compareResults(earlier, current);
    expect(lines[2]).toBe('| sqlite | v20.20.2 | client_credentials, JWT ES256 | 1000 → 1100 (+10.0 %) | 20 → 18 (-10.0 %) | 1.5 → 1.5 (+0.0 %) |  | 200 → 210 (+5.0 %) |  |');
    expect(lines[3]).toContain('| v24.22.3 | client_credentials, JWT ES256 (new) |');
    expect(lines[4]).toContain('| discovery (only in the earlier run) |');
  });
});
