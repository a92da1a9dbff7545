// Document viewer: bring the first cited line into view (the page itself is plain, escaped HTML).
"use strict";
(function () {
  const cited = document.querySelector("li.cited");
  if (cited && !location.hash) cited.scrollIntoView({ block: "center" });
})();
