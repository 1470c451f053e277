document.getElementById("served-at").textContent = "Served from " + window.location.host;
