# GrantsHub: build with the .NET SDK, run on the ASP.NET runtime as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig GrantsHub.sln ./
COPY src/ src/
COPY migrations/ migrations/
COPY wwwroot/ wwwroot/
RUN dotnet publish src/GrantsHub.Web/GrantsHub.Web.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends curl tzdata && rm -rf /var/lib/apt/lists/*
COPY --from=build /app ./
# The publish output carries the top-level wwwroot; copy it explicitly too so the web root is never missing.
COPY wwwroot/ ./wwwroot/
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Database__DataDirectory=/data \
    Smtp__PickupDirectory=/data/mail
RUN mkdir -p /data && chown -R app:app /data
VOLUME /data
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD curl -fsS http://localhost:8080/health || exit 1
ENTRYPOINT ["dotnet", "GrantsHub.Web.dll"]
