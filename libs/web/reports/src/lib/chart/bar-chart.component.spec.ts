import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { settle } from '../testing/reports-test-bed.testing';
import { type BarSeries, BarChartComponent } from './bar-chart.component';

const charts: Array<{ config: { data: unknown; options: Record<string, unknown> }; update: jest.Mock; destroy: jest.Mock }> = [];

jest.mock('./chart-setup', () => ({
  Chart: jest.fn().mockImplementation((_canvas: HTMLCanvasElement, config: { data: unknown; options: Record<string, unknown> }) => {
    const chart = {
      config,
      update: jest.fn(),
      destroy: jest.fn(),
      set data(value: unknown) {
        chart.config = { ...chart.config, data: value };
      },
      set options(value: Record<string, unknown>) {
        chart.config = { ...chart.config, options: value };
      },
    };
    charts.push(chart);
    return chart;
  }),
}));

@Component({
  imports: [BarChartComponent],
  template: `<kd-bar-chart [labels]="labels()" [series]="series()" summary="Engagement per theme" [language]="language()" />`,
})
class HostComponent {
  readonly labels = signal(['Culture', 'Roads']);
  readonly series = signal<BarSeries[]>([{ label: 'This period', values: [340, null], color: '#005cbb' }]);
  readonly language = signal('nb');
}

describe('BarChartComponent', () => {
  let getContext: jest.SpyInstance;

  beforeEach(() => {
    charts.length = 0;
    getContext = jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({} as CanvasRenderingContext2D);
  });

  afterEach(() => getContext.mockRestore());

  it('draws the groups as horizontal bars in the reader’s locale, an unknown value as no bar', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    await settle(fixture);
    const canvas = (fixture.nativeElement as HTMLElement).querySelector('canvas');
    expect(canvas?.getAttribute('role')).toBe('img');
    expect(canvas?.getAttribute('aria-label')).toBe('Engagement per theme');
    expect(charts).toHaveLength(1);
    expect(charts[0].config.data).toEqual({
      labels: ['Culture', 'Roads'],
      datasets: [expect.objectContaining({ label: 'This period', data: [340, null], backgroundColor: '#005cbb' })],
    });
    expect(charts[0].config.options).toEqual(expect.objectContaining({ indexAxis: 'y', locale: 'nb-NO', responsive: true }));
  });

  it('updates the same chart when the numbers change, and lets it go with the component', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    await settle(fixture);
    fixture.componentInstance.labels.set(['Parents']);
    fixture.componentInstance.series.set([{ label: 'This period', values: [12], color: '#005cbb' }]);
    await settle(fixture);
    expect(charts).toHaveLength(1);
    expect(charts[0].update).toHaveBeenCalled();
    expect(charts[0].config.data).toEqual({ labels: ['Parents'], datasets: [expect.objectContaining({ data: [12] })] });
    fixture.destroy();
    expect(charts[0].destroy).toHaveBeenCalled();
  });

  it('draws nothing where the canvas cannot draw; the table beside it still tells everything', async () => {
    getContext.mockReturnValue(null);
    const fixture = TestBed.createComponent(HostComponent);
    await settle(fixture);
    expect(charts).toHaveLength(0);
  });
});
