# incident-etl in a container: built on Debian 12 like our machines, run from a slim image.
FROM debian:12 AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      build-essential pkg-config cmake libpqxx-dev libyaml-cpp-dev libboost-program-options-dev \
      nlohmann-json3-dev libssl-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY CMakeLists.txt ./
COPY etl ./etl
COPY bench ./bench
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTS=OFF \
 && cmake --build build -j "$(nproc)" --target incident-etl

FROM debian:12-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libpqxx-6.4 libyaml-cpp0.7 libboost-program-options1.74.0 libssl3 postgresql-client-15 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home /opt/incident-etl etl
COPY --from=build /src/build/incident-etl /usr/local/bin/incident-etl
COPY config /opt/incident-etl/config
COPY schema /opt/incident-etl/schema
COPY sql /opt/incident-etl/sql
ENV INCIDENT_ETL_CONFIG=/opt/incident-etl/config/etl.yaml
USER etl
ENTRYPOINT ["incident-etl"]
CMD ["--help"]
