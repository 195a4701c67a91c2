import type { RoadmapContent } from "./content-schema";

/*
 * Backend Developer roadmap. Stage milestones follow the four-stage career roadmap
 * (five core milestones per stage), with a few extra topics that the other source
 * articles cover. Slugs are stable identities: do not rename or reuse them.
 */
export const backendDeveloperRoadmap = {
  slug: "backend-developer",
  title: "Backend Developer",
  summary:
    "A step-by-step path from writing your first server code to designing systems that scale. Work through four stages, from core programming and databases to cloud, architecture and mentoring, building real projects as you go.",
  stages: [
    {
      slug: "foundation",
      title: "Foundation",
      startMonth: 0,
      endMonth: 3,
      summary:
        "Get comfortable with one language, the basics of how browsers talk to servers, SQL, and the everyday tools every developer relies on.",
      milestones: [
        {
          slug: "understand-how-the-web-works",
          title: "Understand how the web works",
          description:
            "Learn what happens between typing a URL and seeing a page: a client sends a request, a server does some work and sends a response. Get clear on which parts of an app run in the browser and which run on the server, since the server side is where you will spend your time.",
          whyItMatters:
            "Every backend task, from writing an endpoint to debugging a slow page, is easier once you can picture the path a request takes.",
          skills: ["Client-server model", "Frontend vs backend", "HTTP and HTTPS basics", "Request and response cycle"],
          tools: ["Web browser developer tools"],
          resources: [
            {
              title: "Introduction to Back-End Development",
              kind: "course",
              provider: "Meta on Coursera",
            },
            {
              title: "The Complete 2023 Web Development Bootcamp",
              kind: "course",
              provider: "Udemy",
            },
          ],
        },
        {
          slug: "master-one-programming-language",
          title: "Choose one programming language and get fluent in it",
          description:
            "Pick a single server-side language and stick with it until you can write small programs without looking everything up. Python or JavaScript (Node.js) are friendly first choices; Java, PHP, Ruby and C# are solid alternatives. Cover variables, conditionals, loops, functions and the basics of object-oriented code.",
          whyItMatters:
            "Depth in one language teaches you concepts that carry over to every other language, while jumping between several early on mostly slows you down.",
          skills: [
            "Python or JavaScript",
            "Control flow",
            "Functions",
            "Object-oriented programming",
            "Reading error messages",
          ],
          tools: ["Python", "Node.js"],
          resources: [
            {
              title: "Meta Back-End Developer Professional Certificate",
              kind: "certificate",
              provider: "Meta on Coursera",
            },
            {
              title: "freeCodeCamp",
              kind: "practice",
              provider: "freeCodeCamp",
              url: "https://www.freecodecamp.org",
            },
            {
              title: "Codecademy",
              kind: "practice",
              provider: "Codecademy",
              url: "https://www.codecademy.com",
            },
            {
              title: "Python",
              kind: "tool",
              url: "https://www.python.org",
            },
            {
              title: "Node.js",
              kind: "tool",
              url: "https://nodejs.org",
            },
          ],
        },
        {
          slug: "learn-data-structures-and-algorithms",
          title: "Learn basic data structures and algorithms",
          description:
            "Study the common building blocks, such as arrays, linked lists, hash maps and trees, along with simple sorting and searching. Practice by solving short coding challenges a few times a week rather than cramming.",
          whyItMatters:
            "Choosing the right structure for your data is often the difference between an endpoint that responds instantly and one that grinds as the data grows.",
          skills: [
            "Arrays and linked lists",
            "Hash maps",
            "Trees",
            "Sorting and searching",
            "Big-O reasoning",
            "Problem solving",
          ],
          tools: ["LeetCode", "HackerRank"],
          resources: [
            {
              title: "LeetCode",
              kind: "practice",
              provider: "LeetCode",
              url: "https://leetcode.com",
            },
            {
              title: "HackerRank",
              kind: "practice",
              provider: "HackerRank",
              url: "https://www.hackerrank.com",
            },
          ],
        },
        {
          slug: "understand-http-and-rest",
          title: "Understand the HTTP protocol and REST principles",
          description:
            "Learn how HTTP messages are built: methods such as GET, POST, PUT and DELETE, status codes, headers and bodies. Then learn the REST style of organizing an API around resources and URLs, and why HTTPS encrypts the traffic.",
          whyItMatters:
            "HTTP is the language your server speaks all day, so knowing it well makes your APIs predictable for anyone who calls them.",
          skills: ["HTTP methods", "Status codes", "Headers", "REST principles", "JSON", "HTTPS"],
          tools: ["curl", "Web browser developer tools"],
          resources: [],
        },
        {
          slug: "learn-sql-fundamentals",
          title: "Learn SQL and database fundamentals",
          description:
            "Install a relational database and learn to create tables and to insert, read, update and delete rows. Move on to filtering, sorting, joins and subqueries so you can answer real questions from your data.",
          whyItMatters:
            "Nearly every backend stores its data in a database, and SQL is the most widely used way to get it in and out.",
          skills: ["SQL", "CRUD operations", "Joins", "Subqueries", "Relational databases"],
          tools: ["PostgreSQL", "MySQL", "DBeaver"],
          resources: [
            {
              title: "PostgreSQL",
              kind: "tool",
              url: "https://www.postgresql.org",
            },
            {
              title: "MySQL",
              kind: "tool",
              url: "https://www.mysql.com",
            },
            {
              title: "DBeaver",
              kind: "tool",
              url: "https://dbeaver.io",
            },
          ],
        },
        {
          slug: "set-up-dev-environment-and-git",
          title: "Set up your development environment and learn Git",
          description:
            "Install a code editor, your language runtime and a terminal you are comfortable in. Learn Git by committing your own practice code, creating branches, merging them, and pushing everything to GitHub or GitLab.",
          whyItMatters:
            "Version control lets you undo mistakes, track your progress and work alongside others, and employers expect you to use it from day one.",
          skills: ["Git", "Branching and merging", "Pull requests", "Command line", "Editor setup"],
          tools: ["Git", "GitHub", "GitLab", "VS Code", "IntelliJ IDEA"],
          resources: [
            {
              title: "Git",
              kind: "tool",
              url: "https://git-scm.com",
            },
            {
              title: "GitHub",
              kind: "tool",
              url: "https://github.com",
            },
            {
              title: "Visual Studio Code",
              kind: "tool",
              url: "https://code.visualstudio.com",
            },
            {
              title: "IntelliJ IDEA",
              kind: "tool",
              provider: "JetBrains",
              url: "https://www.jetbrains.com/idea/",
            },
          ],
        },
      ],
    },
    {
      slug: "intermediate",
      title: "Intermediate",
      startMonth: 3,
      endMonth: 6,
      summary:
        "Turn your basics into working applications: a framework, your own REST API, a well-designed database, logins, security and a first live deployment.",
      milestones: [
        {
          slug: "learn-a-web-framework",
          title: "Learn a web framework",
          description:
            "Pick the framework that matches your language, such as Django or Flask for Python, Express.js for Node.js, Spring Boot for Java, Laravel for PHP, Ruby on Rails for Ruby, or ASP.NET for C#. Learn how it maps URLs to your code, reads requests and sends responses.",
          whyItMatters:
            "A framework handles routing, sessions and other repetitive plumbing, so you can focus on the features your app actually needs.",
          skills: ["Routing", "Request handling", "Middleware", "Project structure", "Templating basics"],
          tools: ["Django", "Flask", "Express.js", "Spring Boot", "Laravel", "Ruby on Rails"],
          resources: [
            {
              title: "Meta Back-End Developer Professional Certificate",
              kind: "certificate",
              provider: "Meta on Coursera",
            },
            {
              title: "IBM Back-End Development Professional Certificate",
              kind: "certificate",
              provider: "IBM on Coursera",
            },
            {
              title: "Django",
              kind: "tool",
              url: "https://www.djangoproject.com",
            },
            {
              title: "Express.js",
              kind: "tool",
              url: "https://expressjs.com",
            },
            {
              title: "Spring Boot",
              kind: "tool",
              url: "https://spring.io/projects/spring-boot",
            },
          ],
        },
        {
          slug: "build-rest-apis",
          title: "Build REST APIs with the right HTTP methods",
          description:
            "Build a small API of your own, for example for a blog, a to-do list or a product catalog. Use GET to read, POST to create, PUT or PATCH to update and DELETE to remove, and return sensible status codes and clear error messages.",
          whyItMatters:
            "APIs are how web and mobile apps reach your server, so building clean ones is one of the main things you will be hired to do.",
          skills: ["REST API design", "HTTP methods", "Status codes", "Input validation", "Error handling", "JSON"],
          tools: ["Express.js", "Django", "Flask"],
          resources: [
            {
              title: "Node.js, Express, MongoDB & More: The Complete Bootcamp 2024",
              kind: "course",
              provider: "Udemy",
            },
            {
              title: "Complete Backend Development 2023 Bundle – Python Roadmap",
              kind: "course",
              provider: "Udemy",
            },
          ],
        },
        {
          slug: "test-your-apis",
          title: "Test your API endpoints with an API client",
          description:
            "Use an API client to send requests to your endpoints and check the responses before any frontend exists. Save your requests into collections and add simple checks so you can rerun them whenever you change the code.",
          whyItMatters:
            "Calling your own endpoints by hand catches broken routes and wrong responses early, long before a user or teammate finds them.",
          skills: ["API testing", "Request collections", "Environment variables", "Response checks"],
          tools: ["Postman", "Insomnia"],
          resources: [
            {
              title: "Postman",
              kind: "tool",
              url: "https://www.postman.com",
            },
            {
              title: "Insomnia",
              kind: "tool",
            },
          ],
        },
        {
          slug: "learn-database-design",
          title: "Learn database design and relationships",
          description:
            "Practice turning an idea for an app into tables, keys and relationships, including one-to-many and many-to-many. Learn normalization to avoid duplicated data and indexes to make common queries fast.",
          whyItMatters:
            "A clear schema keeps your data consistent and your queries simple, while a messy one causes bugs that are hard to fix later.",
          skills: [
            "Schema design",
            "Primary and foreign keys",
            "One-to-many and many-to-many",
            "Normalization",
            "Indexing",
          ],
          tools: ["PostgreSQL", "MySQL", "DBeaver", "pgAdmin"],
          resources: [
            {
              title: "pgAdmin",
              kind: "tool",
              url: "https://www.pgadmin.org",
            },
          ],
        },
        {
          slug: "explore-nosql-databases",
          title: "Explore NoSQL databases",
          description:
            "Try a document database such as MongoDB and see how storing flexible JSON-like records differs from rows in fixed tables. Compare the two approaches on a small project so you can judge when each one fits.",
          whyItMatters:
            "Many teams use NoSQL stores alongside or instead of SQL, and knowing the tradeoffs helps you pick the right tool for each job.",
          skills: ["Document databases", "Flexible schemas", "SQL vs NoSQL tradeoffs", "CRUD in MongoDB"],
          tools: ["MongoDB", "Cassandra"],
          resources: [
            {
              title: "Back-End Web Development with Node, Express, and MongoDB",
              kind: "course",
              provider: "Udemy",
            },
            {
              title: "MongoDB",
              kind: "tool",
              url: "https://www.mongodb.com",
            },
          ],
        },
        {
          slug: "implement-authentication-and-authorization",
          title: "Implement authentication and authorization",
          description:
            "Add sign-up, login and logout to one of your projects, storing passwords only as secure hashes. Try both session-based logins and JSON Web Tokens, learn what OAuth is for, and restrict actions by user role.",
          whyItMatters:
            "Almost every real app has accounts, and getting logins and permissions right is what keeps one user's data away from everyone else.",
          skills: [
            "Authentication",
            "Authorization",
            "Password hashing",
            "Sessions",
            "JWT",
            "OAuth",
            "Role-based access control",
          ],
          tools: ["bcrypt", "JWT", "OAuth"],
          resources: [],
        },
        {
          slug: "apply-security-best-practices",
          title: "Apply backend security best practices",
          description:
            "Learn the common attacks and how to block them: parameterized queries against SQL injection, input validation and sanitizing against cross-site scripting, and careful CORS settings. Serve everything over HTTPS and encrypt sensitive data.",
          whyItMatters:
            "One overlooked hole can leak user data, so secure habits need to be part of how you write code from the start.",
          skills: [
            "SQL injection prevention",
            "XSS prevention",
            "Input validation",
            "CORS",
            "HTTPS",
            "Data encryption",
          ],
          tools: [],
          resources: [],
        },
        {
          slug: "understand-web-servers",
          title: "Understand web servers like Nginx and Apache",
          description:
            "Learn what a web server does in front of your application: accepting connections, serving static files and passing other requests on to your app. Set up Nginx or Apache locally as a reverse proxy for one of your projects.",
          whyItMatters:
            "Most production apps sit behind a web server, so knowing how it routes traffic helps you deploy and troubleshoot with confidence.",
          skills: ["Reverse proxy", "Static file serving", "Server configuration", "Basic networking"],
          tools: ["Nginx", "Apache HTTP Server"],
          resources: [
            {
              title: "Nginx",
              kind: "tool",
              url: "https://nginx.org",
            },
            {
              title: "Apache HTTP Server",
              kind: "tool",
              provider: "Apache Software Foundation",
              url: "https://httpd.apache.org",
            },
          ],
        },
        {
          slug: "deploy-first-app-to-cloud",
          title: "Deploy your first application to the cloud",
          description:
            "Put one of your projects online with a cloud provider, connect it to a hosted database and keep secrets in environment variables. Share the live link and fix whatever breaks outside your own machine.",
          whyItMatters:
            "A running app that anyone can visit proves you can ship, and deploying teaches lessons that local development never will.",
          skills: ["Deployment", "Environment variables", "Hosted databases", "Reading logs"],
          tools: ["AWS", "Azure", "GCP"],
          resources: [
            {
              title: "IBM Back-End Development Professional Certificate",
              kind: "certificate",
              provider: "IBM on Coursera",
            },
          ],
        },
      ],
    },
    {
      slug: "advanced",
      title: "Advanced",
      startMonth: 6,
      endMonth: 12,
      summary:
        "Learn the patterns used in larger systems: services, other API styles, caching, queues, thorough testing and containers, then pull it together in a portfolio project.",
      milestones: [
        {
          slug: "learn-microservices-architecture",
          title: "Learn microservices architecture",
          description:
            "Study how a large application can be split into small services that each own one job and talk to each other over the network. Weigh the benefits against the extra complexity compared with a single monolith.",
          whyItMatters:
            "Many growing companies organize their backends as services, and you will need to know when the split helps and when it hurts.",
          skills: [
            "Service boundaries",
            "Monolith vs microservices",
            "Service-to-service communication",
            "API gateways",
          ],
          tools: [],
          resources: [],
        },
        {
          slug: "explore-graphql-and-other-api-styles",
          title: "Explore GraphQL and other API styles",
          description:
            "Build a small GraphQL API and see how letting clients request exactly the fields they need differs from REST. Also get familiar with WebSockets for real-time features such as chat, and recognize SOAP when you meet it in older systems.",
          whyItMatters:
            "REST is not the only option, and knowing the alternatives lets you choose the style that suits each product.",
          skills: ["GraphQL", "Schemas and resolvers", "WebSockets", "Real-time communication", "SOAP"],
          tools: ["GraphQL"],
          resources: [
            {
              title: "GraphQL",
              kind: "tool",
              url: "https://graphql.org",
            },
          ],
        },
        {
          slug: "implement-caching-with-redis",
          title: "Implement caching strategies with Redis",
          description:
            "Store the results of slow or frequent queries in an in-memory cache so repeat requests return quickly. Learn to set expiry times and to clear stale entries when the underlying data changes.",
          whyItMatters: "Caching is one of the simplest ways to make an app faster and cut the load on your database.",
          skills: ["Caching strategies", "Cache invalidation", "Expiry (TTL)", "Performance tuning"],
          tools: ["Redis"],
          resources: [
            {
              title: "Redis",
              kind: "tool",
              url: "https://redis.io",
            },
          ],
        },
        {
          slug: "learn-message-queues",
          title: "Learn message queues with RabbitMQ and Apache Kafka",
          description:
            "Move slow work, such as sending emails or processing uploads, into background jobs that a queue hands to worker processes. Learn the difference between a classic message queue and an event stream.",
          whyItMatters:
            "Queues keep requests fast and let parts of a system keep working even when another part is busy or down.",
          skills: ["Asynchronous processing", "Producers and consumers", "Event streaming", "Background jobs"],
          tools: ["RabbitMQ", "Apache Kafka"],
          resources: [
            {
              title: "RabbitMQ",
              kind: "tool",
              url: "https://www.rabbitmq.com",
            },
            {
              title: "Apache Kafka",
              kind: "tool",
              url: "https://kafka.apache.org",
            },
          ],
        },
        {
          slug: "master-testing",
          title: "Master unit, integration and end-to-end testing",
          description:
            "Write unit tests for individual functions, integration tests that exercise your API together with a real database, and a few end-to-end tests that walk through whole user flows. Run your API collections automatically from the command line as well.",
          whyItMatters:
            "A good test suite lets you change and refactor code without fear of silently breaking something that used to work.",
          skills: ["Unit testing", "Integration testing", "End-to-end testing", "Mocking", "Debugging"],
          tools: ["Jest", "Pytest", "JUnit", "Postman", "Newman", "Selenium"],
          resources: [
            {
              title: "Jest",
              kind: "tool",
              url: "https://jestjs.io",
            },
            {
              title: "Pytest",
              kind: "tool",
              url: "https://docs.pytest.org",
            },
            {
              title: "JUnit",
              kind: "tool",
              url: "https://junit.org",
            },
            {
              title: "Newman",
              kind: "tool",
              provider: "Postman",
              url: "https://github.com/postmanlabs/newman",
            },
            {
              title: "Selenium",
              kind: "tool",
              url: "https://www.selenium.dev",
            },
          ],
        },
        {
          slug: "learn-docker-containerization",
          title: "Learn containerization with Docker",
          description:
            "Package your app and its dependencies into a Docker image and run it the same way on any machine. Use Docker Compose to start your app with its database and cache, and learn what Kubernetes adds for running many containers.",
          whyItMatters:
            "Containers end the classic problem of code that works on one machine but not another, and they are the standard way to ship backend services.",
          skills: ["Dockerfiles", "Images and containers", "Docker Compose", "Kubernetes basics"],
          tools: ["Docker", "Docker Desktop", "Kubernetes"],
          resources: [
            {
              title: "Docker",
              kind: "tool",
              url: "https://www.docker.com",
            },
            {
              title: "Kubernetes",
              kind: "tool",
              url: "https://kubernetes.io",
            },
          ],
        },
        {
          slug: "build-portfolio-project",
          title: "Build a portfolio project that shows what you can do",
          description:
            "Combine what you have learned into one or two complete projects, such as an online shop, a blogging platform or a real-time chat app. Host the code on GitHub with a clear README that explains the design, how to run it and what you would improve next.",
          whyItMatters:
            "For self-taught developers, finished projects that employers can try and read are often the strongest evidence of skill.",
          skills: ["Project planning", "Documentation", "Scalable design", "Deployment"],
          tools: ["GitHub"],
          resources: [],
        },
      ],
    },
    {
      slug: "professional",
      title: "Professional",
      startMonth: 12,
      endMonth: null,
      summary:
        "Grow toward a senior role: design systems that scale, run them well in the cloud, work smoothly in a team and help others improve.",
      milestones: [
        {
          slug: "learn-system-design",
          title: "Learn system design and scalability patterns",
          description:
            "Practice sketching how a service would handle growing numbers of users, using load balancers, replicated and partitioned databases, caches and queues. Talk through the tradeoffs of each choice out loud, as you would in an interview.",
          whyItMatters:
            "Senior engineers are trusted to make design decisions that keep systems reliable as traffic grows, and system design interviews test exactly that.",
          skills: [
            "System design",
            "Horizontal scaling",
            "Load balancing",
            "Database replication",
            "Sharding",
            "Tradeoff analysis",
          ],
          tools: [],
          resources: [],
        },
        {
          slug: "master-cloud-services",
          title: "Master cloud services on AWS, Azure or GCP",
          description:
            "Go deeper with one major cloud provider: compute, managed databases, storage, networking and access control. Consider a cloud certification to show employers what you know.",
          whyItMatters:
            "Most backends now run in the cloud, and cloud skills are a common way to stand out in a crowded job market.",
          skills: [
            "Cloud compute",
            "Managed databases",
            "Object storage",
            "Identity and access management",
            "Cost awareness",
          ],
          tools: ["AWS", "Azure", "GCP"],
          resources: [
            {
              title: "AWS Certified Developer",
              kind: "certificate",
              provider: "Amazon Web Services",
            },
            {
              title: "Amazon Web Services (AWS)",
              kind: "tool",
              url: "https://aws.amazon.com",
            },
            {
              title: "Microsoft Azure",
              kind: "tool",
              url: "https://azure.microsoft.com",
            },
            {
              title: "Google Cloud",
              kind: "tool",
              url: "https://cloud.google.com",
            },
          ],
        },
        {
          slug: "adopt-devops-and-ci-cd",
          title: "Learn DevOps practices and CI/CD",
          description:
            "Set up a pipeline that runs your tests and deploys automatically whenever you merge code. Add error tracking and logging so you find out about problems in production before your users report them.",
          whyItMatters:
            "Automated, observable releases let teams ship small changes often and recover quickly when something goes wrong.",
          skills: [
            "Continuous integration",
            "Continuous delivery",
            "Pipeline automation",
            "Monitoring",
            "Logging",
            "Error tracking",
          ],
          tools: ["Jenkins", "Travis CI", "CircleCI", "Sentry", "Loggly", "Docker"],
          resources: [
            {
              title: "Jenkins",
              kind: "tool",
              url: "https://www.jenkins.io",
            },
            {
              title: "Sentry",
              kind: "tool",
              url: "https://sentry.io",
            },
          ],
        },
        {
          slug: "work-in-agile-teams",
          title: "Work effectively in agile teams",
          description:
            "Learn how teams plan and track work with Scrum sprints or Kanban boards, and how code reviews and pull requests fit into the routine. Practice explaining technical decisions in plain language to frontend developers and product managers.",
          whyItMatters:
            "Most backend work happens in teams, and clear communication and good habits matter as much as code for getting features shipped.",
          skills: ["Scrum", "Kanban", "Code review", "Communication", "Time management"],
          tools: ["GitHub", "GitLab"],
          resources: [],
        },
        {
          slug: "contribute-to-open-source",
          title: "Contribute to open source projects",
          description:
            "Find a project you use, start with small fixes or documentation, and work up to features. Follow the project's contribution guide and respond to review feedback.",
          whyItMatters:
            "Open source contributions give you practice in large, unfamiliar codebases and a public record of your work.",
          skills: ["Reading unfamiliar code", "Pull requests", "Code review", "Collaboration"],
          tools: ["Git", "GitHub"],
          resources: [],
        },
        {
          slug: "mentor-junior-developers",
          title: "Mentor junior developers",
          description:
            "Pair with newer developers, give kind and specific code review feedback, and write down what you know so others can learn from it. Explaining ideas clearly also reveals gaps in your own understanding.",
          whyItMatters:
            "Helping others grow is a core part of a senior role and multiplies your impact beyond the code you write yourself.",
          skills: ["Mentoring", "Code review", "Technical writing", "Leadership"],
          tools: [],
          resources: [],
        },
      ],
    },
  ],
  salaryGuides: [
    {
      region: "United States",
      currency: "USD",
      source: "Backend Developer role overview",
      bands: [
        { level: "Junior Backend Developer", experience: "0-2 years", min: 60000, max: 80000 },
        { level: "Backend Developer", experience: "2-4 years", min: 80000, max: 110000 },
        { level: "Senior Backend Developer", experience: "4-7 years", min: 110000, max: 140000 },
        { level: "Backend Architect", experience: "7+ years", min: 140000, max: 180000 },
        { level: "Principal Backend Engineer", experience: "8+ years", min: 170000, max: 220000 },
      ],
    },
    {
      region: "United States",
      currency: "USD",
      source: "What is Backend Development? guide",
      bands: [
        { level: "Junior Backend Developer", experience: "Junior", min: 75000, max: 95000 },
        { level: "Senior Backend Developer", experience: "Senior", min: 95000, max: 130000 },
        { level: "Lead Backend Engineer", experience: "Lead", min: 130000, max: 180000 },
      ],
    },
    {
      region: "North America",
      currency: "USD",
      source: "Backend web development salary snapshot",
      bands: [
        { level: "Entry-level", experience: "0-2 years", min: 65000, max: 85000 },
        { level: "Mid-level", experience: "3-5 years", min: 85000, max: 120000 },
        { level: "Senior", experience: "5+ years", min: 120000, max: 160000 },
        { level: "Specialist / Lead Developer", experience: "Specialist or lead role", min: 150000, max: 200000 },
      ],
    },
    {
      region: "Europe",
      currency: "EUR",
      source: "Backend web development salary snapshot",
      bands: [
        { level: "Entry-level", experience: "0-2 years", min: 35000, max: 50000 },
        { level: "Mid-level", experience: "3-5 years", min: 50000, max: 70000 },
        { level: "Senior", experience: "5+ years", min: 70000, max: 100000 },
        { level: "Specialist / Lead Developer", experience: "Specialist or lead role", min: 90000, max: 130000 },
      ],
    },
    {
      region: "United Kingdom",
      currency: "GBP",
      source: "Backend Development Explained (Randstad, Payscale figures)",
      bands: [
        { level: "Entry-level Back-End Developer", experience: "Entry level", min: 20000, max: 20000 },
        { level: "Mid-level Back-End Developer", experience: "Mid level", min: 45869, max: 45869 },
        { level: "Experienced Back-End Developer", experience: "Experienced", min: 70000, max: 70000 },
      ],
    },
    {
      region: "India",
      currency: "INR",
      source: "How to Become Backend Developer roadmap (Glassdoor figures)",
      bands: [
        { level: "Entry-level Backend Developer", experience: "Entry level", min: 500000, max: 500000 },
        { level: "Backend Developer (average)", experience: "All experience levels", min: 800000, max: 800000 },
        { level: "Experienced Backend Developer", experience: "Experienced", min: 1300000, max: 1300000 },
      ],
    },
  ],
  salaryCaveat:
    "These numbers are rough estimates drawn from industry averages. What you actually earn depends on your skills, how you negotiate, where you live, the size of the company, its industry and the state of the job market, so treat them as a guide rather than a promise. Each table comes from a different source and year, so do not compare figures across regions or tables.",
} satisfies RoadmapContent;
