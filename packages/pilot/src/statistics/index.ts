export {
  schoolStatistics,
  type SchoolStatistics,
  type StatisticsRow,
  type StatisticsSource,
} from './school-statistics.js';
export { STATISTICS_COLUMNS, statisticsCsv, statisticsLines } from './table.js';
export { statisticsXlsx } from './xlsx.js';
