import { showValue } from "./src/lib/problems.js";
console.log(showValue("a\u202eb\u0007c\u0085d\u2066"), showValue(["x\u202e"]));
