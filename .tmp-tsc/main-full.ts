export * from "../src/main.ts";
export { buildDashboard } from "../src/sheets/dashboard.ts";
export { insertSampleData } from "../src/sheets/sampleData.ts";
export { listObjectives, saveObjective, deleteObjective } from "../src/sheets/objectives.ts";
