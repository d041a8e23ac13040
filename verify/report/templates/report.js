/* The filters themselves are CSS (they work with JavaScript off); this only says how many cards show. */
(function () {
  "use strict";
  var boxes = document.querySelectorAll(".toolbar input[type=checkbox]");
  var cards = document.querySelectorAll(".card");
  var shown = document.getElementById("shown");
  function update() {
    var visible = 0;
    for (var i = 0; i < cards.length; i++) {
      if (cards[i].getClientRects().length > 0) { visible++; }
    }
    shown.textContent = visible === cards.length ? "" : "showing " + visible + " of " + cards.length + " claims";
  }
  for (var i = 0; i < boxes.length; i++) { boxes[i].addEventListener("change", update); }
  update();
})();
