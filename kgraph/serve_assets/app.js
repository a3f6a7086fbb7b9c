// kgraph query page: YASQE editor, saved queries bound server-side, results as text.
"use strict";

const yasqe = new Yasqe(document.getElementById("editor"), {
  persistenceId: null,
  autocompleters: [],
  showQueryButton: false,
  value: "PREFIX kg: <https://w3id.org/kgraph/ontology#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n\n" +
    "SELECT ?system ?value ?unit WHERE {\n  ?claim kg:aboutSystem/skos:prefLabel ?system ; kg:value ?value ; kg:unit ?unit .\n}\nLIMIT 20",
});
const saved = document.getElementById("saved");
const params = document.getElementById("params");
const status = document.getElementById("status");
let queries = [];

function el(tag, text) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

function showParams(query) {
  params.replaceChildren();
  document.getElementById("description").textContent = query ? query.description : "";
  for (const p of query ? query.params : []) {
    const label = el("label", p.name);
    const input = el("input");
    input.name = p.name;
    input.value = p.default === "-" ? "" : p.default;
    input.title = p.help;
    label.appendChild(input);
    params.appendChild(label);
  }
}

function showResults(json) {
  const table = document.getElementById("results");
  table.replaceChildren();
  const vars = json.head.vars;
  const head = el("tr");
  vars.forEach((v) => head.appendChild(el("th", v)));
  table.appendChild(head);
  for (const row of json.results.bindings) {
    const tr = el("tr");
    vars.forEach((v) => tr.appendChild(el("td", row[v] ? row[v].value : "")));
    table.appendChild(tr);
  }
  status.textContent = json.results.bindings.length + " rows";
  status.className = "";
}

async function run() {
  status.textContent = "running…";
  const query = queries.find((q) => q.name === saved.value);
  let response;
  if (query) {
    const values = {};
    for (const input of params.querySelectorAll("input")) values[input.name] = input.value;
    response = await fetch("/api/run", {method: "POST", body: JSON.stringify({name: query.name, params: values})});
  } else {
    response = await fetch("/query", {
      method: "POST",
      headers: {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"},
      body: new URLSearchParams({query: yasqe.getValue()}),
    });
  }
  if (!response.ok) {
    status.textContent = response.status + ": " + (await response.text());
    status.className = "error";
    return;
  }
  showResults(await response.json());
}

saved.addEventListener("change", () => showParams(queries.find((q) => q.name === saved.value)));
document.getElementById("run").addEventListener("click", run);
fetch("/api/queries").then((r) => r.json()).then((list) => {
  queries = list;
  for (const q of list) {
    const option = el("option", q.name + " — " + q.description);
    option.value = q.name;
    saved.appendChild(option);
  }
});
