"""Tables and numbers computed from the data package, one module per topic (membership,
population, nuclear, violence, drugs, development, heritage) and a few per concept
beside them (indicators, inequality, geography, sco_record, drug_seizures,
development_violence, heritage_counts, heritage_readings). Plain functions of data with
the same keywords everywhere (``members=``, ``year=``, ``period=(start, end)``,
``reading=``); each topic's ``view(**controls)`` returns a frozen dataclass of what its
explorer shows. No Markdown, no HTML, no plotting and no widgets here."""
