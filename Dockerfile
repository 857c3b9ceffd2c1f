# Build: docker build -t securerelay .
# Run:   docker run -p 2525:2525 -v securerelay-data:/var/lib/securerelay securerelay
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/SecureRelay -c Release -o /out --nologo

# The names list the PHI classifier loads at run time (npm humannames, MIT); the Debian word lists
# are installed in the runtime image below. A missing list stops start-up.
FROM node:20-bookworm-slim AS lexicons
WORKDIR /lexicons
COPY lexicons/package.json lexicons/package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update && apt-get install -y --no-install-recommends wamerican hunspell-en-med hunspell-es tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa \
 && rm -rf /var/lib/apt/lists/*
COPY --from=lexicons /lexicons /usr/share/securerelay/lexicons
RUN useradd --system --home /var/lib/securerelay securerelay \
 && mkdir -p /var/lib/securerelay /etc/securerelay \
 && chown securerelay /var/lib/securerelay && chmod 0700 /var/lib/securerelay
COPY --from=build /out /opt/securerelay
COPY config/securerelay.yaml /etc/securerelay/securerelay.yaml
RUN sed -i -e "s#^data_dir: .*#data_dir: /var/lib/securerelay/data#" -e "s#endpoint: 127.0.0.1:2525#endpoint: 0.0.0.0:2525#" /etc/securerelay/securerelay.yaml
USER securerelay
WORKDIR /var/lib/securerelay
EXPOSE 2525 9025
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "/opt/securerelay/securerelay.dll"]
CMD ["run", "--config", "/etc/securerelay/securerelay.yaml"]
