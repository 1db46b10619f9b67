document.getElementById("app")?.append("KPI Pilot");
