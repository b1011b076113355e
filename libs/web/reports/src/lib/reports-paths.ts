/** The Reports area's evaluation page (its own library), mounted beside the Reports page: `/o/:organizationId/reports/evaluation`. */
export const REPORTS_EVALUATION_PATH = 'evaluation';
