import { readRecordFile } from "./src/lib/read/files.js";
import { decodeRecordFile } from "./src/lib/read/text.js";
import { readCsv } from "./src/lib/read/csv.js";
const enc = new TextEncoder();
const bytes = Buffer.concat([Buffer.from("institutions:\n  - id: pk-gov\n    name: Gov"), Buffer.from([0xc3, 0x28]), Buffer.from(" x\n")]);
console.log(decodeRecordFile(bytes, "f.yaml"));
console.log(decodeRecordFile(Buffer.from([0xff, 0x0a]), "f.yaml"));
console.log(decodeRecordFile(Buffer.from("ab\ncd\n\xe2\x82", "latin1"), "f.yaml"));
// big csv
const header = "id,label,color,description";
const lines = [header];
for (let i = 1; i <= 2000; i++) {
  if (i === 5) lines.push(`s${i},S${i},#000000,"first line\nsecond line\nthird, line"`);
  else if (i === 1234) lines.push(`s${i},S${i},#00000g,`);
  else lines.push(`s${i},S${i},#000000,`);
}
const text = lines.join("\n") + "\n";
const r = readCsv(text, "sectors.csv");
console.log(r.records.length, r.problems, r.records[1233]);
const r2 = readCsv('id,label,color\n"a\nb",A,#000000\nc,C\n', "sectors.csv");
console.log(r2.problems, r2.records);
console.log(readCsv('id,label,color\na,A,#000000\n\n\nb,"B\nB",#111111\nc,"C,#222222\nd,D,#333333\n', "sectors.csv").problems);
console.log(readCsv('id,label,color\n"a,A,#000000\n', "sectors.csv").problems);
console.log(readCsv('id,label,color\na,A,"#000"000"\n', "sectors.csv").problems);
