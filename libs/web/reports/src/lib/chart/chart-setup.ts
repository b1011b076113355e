import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

/*
 * Only the pieces a bar chart uses are registered, so the bundler leaves the rest of Chart.js out. This
 * file is loaded on demand (the chart component imports it dynamically): Chart.js is in the Reports
 * chunk only, and only once a chart is drawn.
 */
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export { Chart };
